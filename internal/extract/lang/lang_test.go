package lang_test

import (
	"context"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/lang"
	"github.com/newsgraph/newsgraph/internal/news"
)

// paragraphs are short news paragraphs written for this test, one per
// language, each a few sentences long.
var paragraphs = []struct {
	code, title, text string
}{
	{"en", "Council delays vote on river bridge",
		"The city council postponed its vote on the new river bridge on Tuesday after residents complained that the plans had been published too late. The mayor said the council would meet again next month and promised a public hearing before any decision."},
	{"de", "Stadtrat verschiebt Abstimmung über Brücke",
		"Der Stadtrat hat die Abstimmung über die neue Brücke am Dienstag verschoben, nachdem sich Anwohner über die späte Veröffentlichung der Pläne beschwert hatten. Die Bürgermeisterin kündigte an, dass der Rat im nächsten Monat erneut tagen werde."},
	{"fr", "Le conseil municipal reporte le vote sur le pont",
		"Le conseil municipal a reporté mardi son vote sur le nouveau pont, après que des habitants se sont plaints de la publication tardive des plans. La maire a déclaré que le conseil se réunirait de nouveau le mois prochain et a promis une audience publique."},
	{"es", "El ayuntamiento aplaza la votación sobre el puente",
		"El ayuntamiento aplazó el martes la votación sobre el nuevo puente después de que los vecinos se quejaran de que los planos se habían publicado demasiado tarde. La alcaldesa dijo que el consejo volverá a reunirse el próximo mes."},
	{"ko", "시의회, 다리 건설 표결 연기",
		"시의회는 화요일 새 다리 건설에 대한 표결을 연기했다. 주민들은 계획이 너무 늦게 공개되었다고 항의했다. 시장은 다음 달에 의회가 다시 모일 것이며 결정 전에 공청회를 열겠다고 약속했다."},
	{"ar", "المجلس البلدي يؤجل التصويت على الجسر",
		"أجل المجلس البلدي يوم الثلاثاء التصويت على الجسر الجديد بعد أن اشتكى السكان من نشر الخطط في وقت متأخر. وقال رئيس البلدية إن المجلس سيجتمع مرة أخرى في الشهر المقبل ووعد بعقد جلسة استماع علنية."},
	{"ur", "سٹی کونسل نے پل پر ووٹنگ ملتوی کر دی",
		"سٹی کونسل نے منگل کے روز نئے پل پر ووٹنگ ملتوی کر دی کیونکہ شہریوں نے شکایت کی تھی کہ منصوبے بہت دیر سے شائع کیے گئے۔ میئر نے کہا کہ کونسل اگلے مہینے دوبارہ اجلاس کرے گی اور کسی بھی فیصلے سے پہلے عوامی سماعت ہوگی۔"},
	{"ru", "Городской совет отложил голосование по мосту",
		"Во вторник городской совет отложил голосование по новому мосту после того, как жители пожаловались, что планы были опубликованы слишком поздно. Мэр заявила, что совет снова соберётся в следующем месяце и проведёт открытые слушания."},
}

func TestDetectParagraphs(t *testing.T) {
	for _, p := range paragraphs {
		got := lang.Detect(p.title, p.text, lang.DefaultConfig())
		if got.Code != p.code {
			t.Errorf("%s paragraph detected as %q (confidence %.2f)", p.code, got.Code, got.Confidence)
		}
		if got.Confidence <= 0 || got.Confidence > 1 {
			t.Errorf("%s paragraph: confidence %.2f, want in (0, 1]", p.code, got.Confidence)
		}
		// The text alone, without its title, tells the language too.
		if got := lang.Detect("", p.text, lang.DefaultConfig()); got.Code != p.code {
			t.Errorf("%s paragraph without title detected as %q", p.code, got.Code)
		}
	}
}

// TestDetectShortText checks the short-text rule: too few letters to
// tell is "und" (processed as English); a short English line is never
// taken for another language.
func TestDetectShortText(t *testing.T) {
	cases := []struct {
		title, text, want string
	}{
		{"", "", news.LangUndetermined},
		{"", "2024-05-01 12:00 — 3,400 / 17%", news.LangUndetermined},
		{"", "Merkel said no.", news.LangUndetermined},
		{"Brief", "Der Rat tagt.", news.LangUndetermined},
		{"", "서울", news.LangUndetermined},
		{"", "Amina Qureshi, the Foreign Office spokeswoman, said the report was patently false.", news.LangEnglish},
		{"", "Chaudhry Nisar denied that Islamic State had any presence in Pakistan on Monday.", news.LangEnglish},
		{"", "Ahmed al-Sharif met Hans-Peter Müller and Jean-Luc Dubois in Bad Münstereifel.", news.LangEnglish},
		{"", "Der Bundestag hat am Donnerstag ein neues Gesetz zur Rente beschlossen.", "de"},
	}
	for _, c := range cases {
		if got := lang.Detect(c.title, c.text, lang.DefaultConfig()); got.Code != c.want {
			t.Errorf("Detect(%q, %q) = %q (%.2f), want %q", c.title, c.text, got.Code, got.Confidence, c.want)
		}
	}
}

// TestDetectReadsOnlyTheSample checks that the language is told from the
// first SampleBytes bytes: English after a long German start is German.
func TestDetectReadsOnlyTheSample(t *testing.T) {
	de := strings.Repeat(paragraphs[1].text+"\n", 10)
	en := strings.Repeat(paragraphs[0].text+"\n", 100)
	if got := lang.Detect("", de+en, lang.DefaultConfig()); got.Code != "de" {
		t.Errorf("German start, English rest: %q, want de", got.Code)
	}
	cfg := lang.DefaultConfig()
	cfg.SampleBytes = 0 // no cap: the English majority wins
	if got := lang.Detect("", de+en, cfg); got.Code != "en" {
		t.Errorf("no cap: %q, want en", got.Code)
	}
	// A cap that falls inside a character is not a broken sample.
	ko := paragraphs[4].text
	cfg.SampleBytes = 150
	for utf8.RuneStart(ko[cfg.SampleBytes]) {
		cfg.SampleBytes++
	}
	if got := lang.Detect("", ko, cfg); got.Code != "ko" {
		t.Errorf("cap inside a Hangul character: %q, want ko", got.Code)
	}
}

func TestStageSetsTheDocsLanguage(t *testing.T) {
	s := lang.New(lang.DefaultConfig())
	if s.Name() != "language" {
		t.Errorf("Name() = %q", s.Name())
	}
	doc := &news.Doc{Title: paragraphs[7].title, Text: paragraphs[7].text, Language: "en"}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Language != "ru" || doc.LanguageConfidence <= 0 {
		t.Errorf("language %q (%.2f), want ru with a confidence", doc.Language, doc.LanguageConfidence)
	}
}

// BenchmarkDetect measures detection on a long English article: the cap
// on the sample keeps it independent of the article's length. It reports
// the CPU time per article too, which does not depend on what else the
// machine runs.
//
//	go test -run '^$' -bench Detect ./internal/extract/lang
func BenchmarkDetect(b *testing.B) {
	benchmarkDetect(b, paragraphs[0].title, strings.Repeat(paragraphs[0].text+"\n", 200)) // about 50 KB
}

// BenchmarkDetectGerman measures the slower path: a Latin-script text
// that is not English goes to the library, and is compared with English
// once more.
func BenchmarkDetectGerman(b *testing.B) {
	benchmarkDetect(b, paragraphs[1].title, strings.Repeat(paragraphs[1].text+"\n", 200))
}

// BenchmarkDetectKorean measures a text in a script of its own.
func BenchmarkDetectKorean(b *testing.B) {
	benchmarkDetect(b, paragraphs[4].title, strings.Repeat(paragraphs[4].text+"\n", 200))
}

func benchmarkDetect(b *testing.B, title, text string) {
	cfg := lang.DefaultConfig()
	cpu0 := cpuTime()
	for b.Loop() {
		lang.Detect(title, text, cfg)
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/1000/float64(b.N), "cpu-µs/op")
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// FuzzDetect checks that any title and text, broken UTF-8 included, get a
// language code and a confidence in [0, 1] without a panic.
func FuzzDetect(f *testing.F) {
	for _, p := range paragraphs {
		f.Add(p.title, p.text)
	}
	f.Add("", "\xff\xfe the and that \xc3")
	f.Fuzz(func(t *testing.T, title, text string) {
		cfg := lang.DefaultConfig()
		cfg.SampleBytes = 300
		r := lang.Detect(title, text, cfg)
		if r.Code == "" || r.Confidence < 0 || r.Confidence > 1 {
			t.Errorf("Detect(%q, %q) = %+v", title, text, r)
		}
	})
}
