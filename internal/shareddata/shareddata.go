// Package shareddata finds the project's shared folder, the data sets and
// scorers that live beside the repository (../shared: CoNLL-2003, PolNeAR,
// GeoNames, newsdev, the reference article), and tells a developer who has
// not got it how many tests skip for its lack and how to get it.
//
// The tests that need the folder skip themselves when it is absent; go
// test ./... in a bare clone then passes, and the notice (see Notice) says
// once what was left out.
package shareddata

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// EnvDir is the environment variable that points at the shared folder
// when it is not ../shared beside the repository.
const EnvDir = "NEWSGRAPH_SHARED"

// ModuleRoot returns the directory holding go.mod above dir (or dir
// itself), or "" when there is none.
func ModuleRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// Dir returns the shared folder, $NEWSGRAPH_SHARED or else ../shared
// beside the module root that holds the working directory, when it has a
// data folder; "" when there is none.
func Dir() string {
	if d := os.Getenv(EnvDir); d != "" {
		return hasData(d)
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	root := ModuleRoot(wd)
	if root == "" {
		return ""
	}
	return hasData(filepath.Join(root, "..", "shared"))
}

func hasData(dir string) string {
	if st, err := os.Stat(filepath.Join(dir, "data")); err == nil && st.IsDir() {
		return dir
	}
	return ""
}

// Notice writes, when the shared folder is absent, one paragraph that
// says how many tests of the module at root skip for its lack (see
// DependentTests) and how to get it; it writes nothing when the folder is
// there.
func Notice(w io.Writer, root string) error {
	if Dir() != "" {
		return nil
	}
	tests, err := DependentTests(root)
	if err != nil {
		return fmt.Errorf("shared data notice: %w", err)
	}
	_, err = fmt.Fprintf(w, "newsgraph: ../shared is not beside this repository: %d tests that read its data sets "+
		"(CoNLL-2003, PolNeAR, GeoNames, newsdev, the reference article) skip and %d run. "+
		"To run them all, put the project's shared folder at ../shared (or set %s to it) and run go test ./... again.\n",
		tests.Dependent, tests.All-tests.Dependent, EnvDir)
	return err
}

// TestCount is how many tests a module has (All, Test functions of
// its _test.go files) and how many of them need the shared folder.
type TestCount struct {
	All, Dependent int
	Names          []string // the dependent tests, package/TestName, sorted
}

// DependentTests counts the tests of the module at root that need the
// shared folder: a Test function needs it when it, or a function of its
// package that it calls (directly or through others), skips with a
// message that names the folder or one of its data sets ("PolNeAR dev
// texts not found under ../shared/data", "CoNLL-2003 data not found"), or
// calls such a helper of another of the module's packages
// (gazetteertest). It reads the source; it runs nothing.
func DependentTests(root string) (TestCount, error) {
	pkgs, err := parseModule(root)
	if err != nil {
		return TestCount{}, err
	}
	// Helpers of other packages that reach the folder, by "pkg.Func".
	external := map[string]bool{}
	for _, p := range pkgs {
		for name := range p.reaching() {
			external[filepath.Base(p.dir)+"."+name] = true
		}
	}
	var c TestCount
	for _, p := range pkgs {
		reach := p.reachingWith(external)
		for _, name := range p.tests {
			c.All++
			if reach[name] {
				c.Dependent++
				rel, _ := filepath.Rel(root, p.dir)
				c.Names = append(c.Names, filepath.ToSlash(rel)+"/"+name)
			}
		}
	}
	sort.Strings(c.Names)
	return c, nil
}

// pkgFuncs is one directory's functions: what each names and calls.
type pkgFuncs struct {
	dir   string
	tests []string            // Test functions of its _test.go files
	names map[string]bool     // functions that name the shared folder
	calls map[string][]string // function -> called names (f, or pkg.F)
}

// reaching is the set of the package's functions that reach the shared
// folder through the package's own calls.
func (p *pkgFuncs) reaching() map[string]bool { return p.reachingWith(nil) }

// reachingWith is reaching, counting calls to external helpers too.
func (p *pkgFuncs) reachingWith(external map[string]bool) map[string]bool {
	reach := map[string]bool{}
	for f := range p.names {
		reach[f] = true
	}
	for changed := true; changed; {
		changed = false
		for f, callees := range p.calls {
			if reach[f] {
				continue
			}
			for _, c := range callees {
				if reach[c] || external[c] {
					reach[f] = true
					changed = true
					break
				}
			}
		}
	}
	return reach
}

// parseModule reads every Go file under root (vendor, testdata and
// node_modules aside), one pkgFuncs per directory.
func parseModule(root string) ([]*pkgFuncs, error) {
	byDir := map[string]*pkgFuncs{}
	var dirs []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "node_modules", "vendor", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		dir := filepath.Dir(path)
		p := byDir[dir]
		if p == nil {
			p = &pkgFuncs{dir: dir, names: map[string]bool{}, calls: map[string][]string{}}
			byDir[dir] = p
			dirs = append(dirs, dir)
		}
		p.add(f, strings.HasSuffix(path, "_test.go"))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(dirs)
	out := make([]*pkgFuncs, 0, len(dirs))
	for _, d := range dirs {
		out = append(out, byDir[d])
	}
	return out, nil
}

// dataWords are the words by which a test's skip message says that it
// lacks the shared folder or one of its data sets.
var dataWords = regexp.MustCompile(`(?i)shared|polnear|conll|geonames|geowebnews|gwn\.xml|newsdev|plover|reference (article|gold)|article not available`)

// skipsForData reports whether a call of method name with args is a
// testing skip (Skip, Skipf) whose message names the shared data.
func skipsForData(name string, args []ast.Expr) bool {
	if name != "Skip" && name != "Skipf" {
		return false
	}
	for _, a := range args {
		if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING && dataWords.MatchString(lit.Value) {
			return true
		}
	}
	return false
}

// add records the functions of one file.
func (p *pkgFuncs) add(f *ast.File, isTest bool) {
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		name := fn.Name.Name
		if fn.Recv != nil {
			name = "(method)." + name
		}
		if isTest && fn.Recv == nil && strings.HasPrefix(name, "Test") && name != "TestMain" {
			p.tests = append(p.tests, name)
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			x, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			switch c := x.Fun.(type) {
			case *ast.Ident:
				p.calls[name] = append(p.calls[name], c.Name)
			case *ast.SelectorExpr:
				if pkg, ok := c.X.(*ast.Ident); ok {
					p.calls[name] = append(p.calls[name], pkg.Name+"."+c.Sel.Name)
				}
				if skipsForData(c.Sel.Name, x.Args) {
					p.names[name] = true
				}
			}
			return true
		})
	}
}
