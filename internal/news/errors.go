package news

import "errors"

// Sentinel errors for input that cannot become an article. Readers wrap them
// with context ("article.txt: %w"); callers test them with errors.Is. They
// are written to be shown to a user as they are.
var (
	ErrNotFound        = errors.New("no such file")
	ErrIsDirectory     = errors.New("is a directory, not a file")
	ErrEmpty           = errors.New("empty input: no text to read")
	ErrTooLarge        = errors.New("input too large")
	ErrBinary          = errors.New("binary data, not text or HTML")
	ErrInvalidEncoding = errors.New("invalid UTF-8 text")
	ErrNoText          = errors.New("no article text found")
)
