package jetstream

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	njs "github.com/nats-io/nats.go/jetstream"
)

// DeadJob is a job on the dead-letter stream.
type DeadJob struct {
	// Seq is its sequence number in the dead-letter stream, the id that
	// Replay takes.
	Seq uint64 `json:"seq"`
	Job Job    `json:"job"`
	// Error is the last try's error; Deliveries the number of tries.
	Error      string    `json:"error"`
	Deliveries int       `json:"deliveries"`
	Failed     time.Time `json:"failed"`
	// Raw is the message body when it was no job at all.
	Raw string `json:"raw,omitempty"`
}

// Dead lists the dead-letter stream, oldest first, at most limit jobs
// (0: all).
func (q *Queue) Dead(ctx context.Context, limit int) ([]DeadJob, error) {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	var out []DeadJob
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && (limit <= 0 || len(out) < limit); seq++ {
		d, err := q.deadJob(ctx, seq)
		if errors.Is(err, njs.ErrMsgNotFound) {
			continue // replayed
		}
		if err != nil {
			return out, err
		}
		out = append(out, d)
	}
	return out, nil
}

// deadJob reads one dead letter.
func (q *Queue) deadJob(ctx context.Context, seq uint64) (DeadJob, error) {
	m, err := q.dead.GetMsg(ctx, seq)
	if err != nil {
		return DeadJob{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	d := DeadJob{Seq: seq, Error: m.Header.Get(hdrError)}
	d.Deliveries, _ = strconv.Atoi(m.Header.Get(hdrDeliveries))
	d.Failed, _ = time.Parse(time.RFC3339, m.Header.Get(hdrFailed))
	if j, err := decodeJob(m.Data); err == nil {
		d.Job = j
	} else {
		d.Raw = string(m.Data)
	}
	return d, nil
}

// Replay puts dead jobs back on the queue, for another MaxDeliver tries,
// and removes them from the dead-letter stream: those with the given
// sequence numbers, or all when seqs is empty. It returns how many it put
// back. A dead letter that is no job (a bad message) is an error and stays.
func (q *Queue) Replay(ctx context.Context, seqs ...uint64) (int, error) {
	if len(seqs) == 0 {
		all, err := q.Dead(ctx, 0)
		if err != nil {
			return 0, err
		}
		for _, d := range all {
			seqs = append(seqs, d.Seq)
		}
	}
	n := 0
	for _, seq := range seqs {
		if err := q.replay1(ctx, seq); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// replay1 republishes one dead letter and then deletes it: a crash between
// the two replays it twice, which running an idempotent job allows.
func (q *Queue) replay1(ctx context.Context, seq uint64) error {
	d, err := q.deadJob(ctx, seq)
	if err != nil {
		return err
	}
	if d.Raw != "" {
		return fmt.Errorf("dead letter %d is no job (%s): not replayed", seq, d.Error)
	}
	data, err := q.dead.GetMsg(ctx, seq)
	if err != nil {
		return fmt.Errorf("dead letter %d: %w", seq, err)
	}
	msg := &nats.Msg{Subject: jobsSubject + string(d.Job.Kind), Data: data.Data, Header: nats.Header{}}
	// Not the job's own id: the server may still remember it and would
	// drop the replay as a duplicate.
	msg.Header.Set(njs.MsgIDHeader, d.Job.msgID()+"-replay-"+strconv.FormatUint(seq, 10))
	if _, err := q.publishMsg(ctx, msg, d.Job.Source); err != nil {
		return fmt.Errorf("replay %d: %w", seq, err)
	}
	if err := q.dead.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, njs.ErrMsgNotFound) {
		return fmt.Errorf("replay %d: remove the dead letter: %w", seq, err)
	}
	return nil
}

// DeadCount is the number of jobs in the dead-letter stream.
func (q *Queue) DeadCount(ctx context.Context) (uint64, error) {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("dead letters: %w", err)
	}
	return info.State.Msgs, nil
}
