// grammar/HclLexer.g4: the tokens of the subset of HCL (Terraform's configuration language) that
// iotlint reads to find `aws_iot_policy` resources: identifiers, numbers, operators, quoted
// template strings and heredocs.
//
// A quoted string is one token, `${...}` interpolations (with nested strings and braces)
// included; frontend/src/terraform.cpp decodes its escapes and interpolations. A heredoc is
// HEREDOC_START, one HEREDOC_LINE per line, and HEREDOC_END, the line that repeats its marker.
lexer grammar HclLexer;

@lexer::header { #include <cctype> }

@lexer::members {
  std::string heredoc_marker_;

  /// Remembers the marker of `<<EOF` or `<<-EOF`.
  void startHeredoc() {
    const std::string text = getText();
    std::size_t begin = text.find_first_not_of("<-");
    std::size_t end = begin;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' || text[end] == '-')) ++end;
    heredoc_marker_ = text.substr(begin, end - begin);
  }

  /// True when the text matched so far is the heredoc's closing marker line.
  bool isHeredocEnd() {
    const std::string text = getText();
    const std::size_t begin = text.find_first_not_of(" \t");
    const std::size_t end = text.find_last_not_of(" \t\r\n");
    return begin != std::string::npos && end != std::string::npos && text.substr(begin, end - begin + 1) == heredoc_marker_;
  }
}

HEREDOC_START : '<<' '-'? [a-zA-Z_] [a-zA-Z0-9_-]* [ \t]* '\r'? '\n' { startHeredoc(); } -> pushMode(HEREDOC) ;

LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n]+ -> channel(HIDDEN) ;

STRING              : '"' STRING_CHAR* '"' ;
UNTERMINATED_STRING : '"' STRING_CHAR* ;

NUMBER : [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;
IDENT  : [a-zA-Z_] [a-zA-Z0-9_-]* ;

EQ       : '==' ;
NEQ      : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
AND      : '&&' ;
OR       : '||' ;
ARROW    : '=>' ;
ELLIPSIS : '...' ;
DCOLON   : '::' ;
LT       : '<' ;
GT       : '>' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;
PERCENT  : '%' ;
BANG     : '!' ;
QUESTION : '?' ;
COLON    : ':' ;
ASSIGN   : '=' ;
COMMA    : ',' ;
DOT      : '.' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;

UNEXPECTED_CHARACTER : . ;

fragment STRING_CHAR   : '\\' ~[\r\n] | '$${' | '%%{' | '${' TEMPLATE_BODY '}' | '%{' TEMPLATE_BODY '}' | ~["\\\r\n] ;
fragment TEMPLATE_BODY : ( NESTED_STRING | '{' TEMPLATE_BODY '}' | ~["{}] )* ;
fragment NESTED_STRING : '"' STRING_CHAR* '"' ;

mode HEREDOC;
HEREDOC_END  : [ \t]* [a-zA-Z_] [a-zA-Z0-9_-]* [ \t]* ('\r'? '\n')? { isHeredocEnd() }? -> popMode ;
HEREDOC_LINE : ~[\n]* '\n' | ~[\n]+ ;
