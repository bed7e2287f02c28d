package api_test

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestTokensComparedInConstantTime keeps every comparison of the API
// token going through api.TokenEqual: it fails on == or != between a
// token and anything but "" in the packages that handle the token (the
// API, the UI and serve), since == takes longer the more of a guess is
// right.
func TestTokensComparedInConstantTime(t *testing.T) {
	dirs := []string{".", "../web", "../../cmd/newsgraph"}
	fset := gotoken.NewFileSet()
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == gotoken.EQL || b.Op == gotoken.NEQ) && comparesToken(b) {
					t.Errorf("%s: a token compared with %s: use api.TokenEqual", fset.Position(b.Pos()), b.Op)
				}
				return true
			})
		}
	}
}

// comparesToken reports whether b compares something named like a token
// (token, Token, cfg.Token, ...) with anything but the empty string.
func comparesToken(b *ast.BinaryExpr) bool {
	empty := func(e ast.Expr) bool {
		l, ok := e.(*ast.BasicLit)
		return ok && (l.Value == `""` || l.Value == "``")
	}
	if empty(b.X) || empty(b.Y) {
		return false
	}
	return tokenNamed(b.X) || tokenNamed(b.Y)
}

func tokenNamed(e ast.Expr) bool {
	var name string
	switch e := e.(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	case *ast.CallExpr: // r.PostFormValue("token"), strings.TrimSpace(tok)
		for _, a := range e.Args {
			if l, ok := a.(*ast.BasicLit); ok && strings.Contains(strings.ToLower(l.Value), "token") || tokenNamed(a) {
				return true
			}
		}
		return false
	default:
		return false
	}
	name = strings.ToLower(name)
	return strings.HasSuffix(name, "token") || name == "tok"
}
