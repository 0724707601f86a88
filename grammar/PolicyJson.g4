// PolicyJson: the JSON that policy documents are written in, with error productions.
//
// The lexer is deliberately lenient (any escape, any character in a string, bare words, single
// quotes, comments) so that the frontend can name the exact mistake with its position: the
// builder validates escapes and control characters, and the labelled error alternatives below
// turn common mistakes (trailing commas, single quotes, unquoted words) into plain-language
// diagnostics instead of generic "mismatched input" messages, while parsing goes on.
grammar PolicyJson;

document : value EOF ;

value
    : object                        # objectValue
    | array                         # arrayValue
    | STRING                        # stringValue
    | NUMBER                        # numberValue
    | TRUE_LITERAL                        # trueValue
    | FALSE_LITERAL                       # falseValue
    | NULL_LITERAL                        # nullValue
    | UNTERMINATED_STRING           # unterminatedStringValue
    | SINGLE_QUOTED_STRING          # singleQuotedValue
    | BARE_WORD                     # bareWordValue
    ;

object : '{' ( member ( separator member )* trailingComma=','? )? '}' ;

member : key ':' value ;

key
    : STRING                        # stringKey
    | SINGLE_QUOTED_STRING          # singleQuotedKey
    | BARE_WORD                     # bareWordKey
    | UNTERMINATED_STRING           # unterminatedKey
    ;

array : '[' ( value ( separator value )* trailingComma=','? )? ']' ;

// An empty separator is the error production for a missing comma between two elements.
separator : ',' | ;

TRUE_LITERAL : 'true' ;
FALSE_LITERAL : 'false' ;
NULL_LITERAL : 'null' ;

// Strings end at the closing quote, or (unterminated) at the end of the line or file: JSON
// strings cannot span lines, so this keeps one missing quote from swallowing the document.
STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '\\'? ;
SINGLE_QUOTED_STRING : '\'' ( ~['\\\r\n] | '\\' ~[\r\n] )* '\'' ;

NUMBER : '-'? [0-9]+ ( '.' [0-9]+ )? ( [eE] [+-]? [0-9]+ )? ;

BARE_WORD : [a-zA-Z_$] [a-zA-Z0-9_$.:\-]* ;

WS : [ \t\r\n]+ -> skip ;

// Not JSON, reported by the frontend from the hidden channel so the parser never sees them.
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
UNEXPECTED_CHARACTER : . -> channel(HIDDEN) ;
