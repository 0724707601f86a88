// PolicyStringLexer: the inside of a policy string (after JSON decoding).
//
// A resource or condition value is literal text with IAM wildcards `*` (any sequence) and `?`
// (one character), policy variables `${name}`, and the escapes `${*}`, `${?}`, `${$}` that
// stand for the literal characters. A bare `$` not followed by `{` is literal (`$aws/things/...`).
// The frontend reads the token sequence directly: the string has no nesting, so no parser is
// needed, and an unclosed `${` is recognised as VARIABLE_OPEN without VARIABLE_CLOSE.
lexer grammar PolicyStringLexer;

ESCAPED_STAR : '${*}' ;
ESCAPED_QUESTION : '${?}' ;
ESCAPED_DOLLAR : '${$}' ;
VARIABLE_OPEN : '${' -> pushMode(VARIABLE) ;
STAR : '*' ;
QUESTION : '?' ;
DOLLAR : '$' ;
TEXT : ~[*?$]+ ;

mode VARIABLE;
VARIABLE_CLOSE : '}' -> popMode ;
VARIABLE_NAME : ~[}]+ ;
