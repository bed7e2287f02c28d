-- names.Key now drops every form of apostrophe and its possessive ("Trump‘s" = "Trump") and folds
-- letters such as ł, ø and ß ("Wałęsa" = "Walesa"). The Go step of this migration (rekeyNames)
-- gives the names stored before it the new keys, so that they match the names stored after.
SELECT 1;
