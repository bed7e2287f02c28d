// Package jstest runs a NATS server with JetStream inside a test process,
// so that tests of the work queue need no external binary.
package jstest

import (
	"net"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// Server is an embedded NATS server with JetStream storing in one
// directory; Restart stops it and starts it again on the same directory
// and port.
type Server struct {
	t    testing.TB
	opts server.Options
	srv  *server.Server
}

// Start runs a server storing in dir (t.TempDir(), say) on a free
// loopback port; it is shut down when the test ends.
func Start(t testing.TB, dir string) *Server {
	t.Helper()
	s := &Server{t: t, opts: server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true}}
	s.start()
	s.opts.Port = s.srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) start() {
	s.t.Helper()
	opts := s.opts
	srv, err := server.NewServer(&opts)
	if err != nil {
		s.t.Fatalf("nats server: %v", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		s.t.Fatal("nats server not ready in 10 s")
	}
	s.srv = srv
}

// URL is the server's nats:// URL; it stays the same across Restart.
func (s *Server) URL() string { return s.srv.ClientURL() }

// Stop shuts the server down and waits until it has.
func (s *Server) Stop() {
	if s.srv != nil {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		s.srv = nil
	}
}

// Restart stops the server and starts a new one on the same store
// directory and port: what JetStream stored on disk must survive it.
func (s *Server) Restart() {
	s.t.Helper()
	s.Stop()
	s.start()
}
