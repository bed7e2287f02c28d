package postgres_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
	"github.com/newsgraph/newsgraph/internal/postgres"
)

// Names of the linking benchmark's people: 60 given names and 50 surnames.
var (
	benchGiven = strings.Fields(`James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
		Richard Susan Joseph Jessica Thomas Sarah Charles Karen Ahmed Fatima Mohammed Aisha Imran Ayesha Nawaz
		Maryam Shahid Sana Wei Li Hiroshi Yuki Olga Ivan Pierre Marie Hans Greta Carlos Lucia Kwame Amara Ravi
		Priya Arjun Deepa Omar Leila Tariq Zainab Yusuf Amina Daniel Rachel Samuel Hannah Peter Grace`)
	benchSurname = strings.Fields(`Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Khan
		Chaudhry Sharif Ahmed Hussain Malik Qureshi Butt Abbasi Rana Wang Zhang Chen Tanaka Suzuki Ivanov Petrov
		Dubois Moreau Schmidt Fischer Rossi Bianchi Mensah Okafor Sharma Patel Singh Gupta Haddad Nasser Cohen
		Levi Clinton Bush Obama Trump Sanders Rubio Carson`)
)

// linkDoc is article n of the linking benchmark: 12 people (full name and
// surname) and 4 organisations drawn from 3,000 names that share 50
// surnames, so that every article meets stored names, surnames held by
// several people and spelling-variant candidates.
func linkDoc(tb testing.TB, n int) *news.Doc {
	var ents []newstest.Ent
	text := ""
	for i := 0; i < 16; i++ {
		k := (n*7919 + i*104729) % 3000
		g, sn := benchGiven[k%len(benchGiven)], benchSurname[k/len(benchGiven)%len(benchSurname)]
		e := newstest.Ent{ID: fmt.Sprintf("E%d", i+1), Type: news.TypePER, Name: g + " " + sn, Aliases: []string{sn}}
		if i >= 12 {
			e = newstest.Ent{ID: e.ID, Type: news.TypeORG, Name: "Council of " + g + " " + sn}
		}
		ents = append(ents, e)
		text += e.Name + " spoke. "
	}
	return newstest.MustDoc(tb, newstest.DocSpec{Source: fmt.Sprintf("%d.txt", n), Text: text + "\n" + newstest.Filler(n, 80), Entities: ents})
}

// BenchmarkPutArticleLinking stores articles into a store of 500: the
// cost of linking an article's entities to the stored ones, as
// internal/sqlite's benchmark of the same name measures it there.
func BenchmarkPutArticleLinking(b *testing.B) {
	db := MustOpen(b, postgres.Config{})
	defer db.Close()
	for n := 0; n < 500; n++ {
		newstest.MustPut(b, db, linkDoc(b, n))
	}
	docs := make([]*news.Doc, b.N)
	for i := range docs {
		docs[i] = linkDoc(b, 500+i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		newstest.MustPut(b, db, docs[i])
	}
}
