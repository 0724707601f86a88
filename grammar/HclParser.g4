// grammar/HclParser.g4: the subset of HCL iotlint reads: blocks, attributes, and expressions
// (literals, template strings, heredocs, objects, tuples, function calls, references with
// attribute, index and splat access, operators, conditionals and `for` expressions).
//
// Line breaks are hidden like other white space: attributes and object items are told apart by
// their `=`, which no expression can continue with.
parser grammar HclParser;

options { tokenVocab = HclLexer; }

configFile : body EOF ;
body       : (attribute | block)* ;
attribute  : IDENT ASSIGN expression ;
block      : IDENT (STRING | IDENT)* LBRACE body RBRACE ;

expression
  : primary postfix*                                               # valueExpr
  | (MINUS | BANG) expression                                      # unaryExpr
  | expression (STAR | SLASH | PERCENT) expression                 # mulExpr
  | expression (PLUS | MINUS) expression                           # addExpr
  | expression (LT | GT | LE | GE) expression                      # compareExpr
  | expression (EQ | NEQ) expression                               # equalExpr
  | expression AND expression                                      # andExpr
  | expression OR expression                                       # orExpr
  | <assoc = right> expression QUESTION expression COLON expression  # conditionalExpr
  ;

primary
  : NUMBER                                   # numberValue
  | STRING                                   # stringValue
  | heredoc                                  # heredocValue
  | IDENT (DCOLON IDENT)* LPAREN arguments? RPAREN  # callValue
  | IDENT                                    # referenceValue
  | LBRACK forIntro expression (IDENT expression)? RBRACK  # forTupleValue
  | LBRACE forIntro expression ARROW expression ELLIPSIS? (IDENT expression)? RBRACE  # forObjectValue
  | LBRACK (expression (COMMA expression)* COMMA?)? RBRACK  # tupleValue
  | LBRACE (objectItem COMMA?)* RBRACE       # objectValue
  | LPAREN expression RPAREN                 # parenValue
  ;

forIntro   : IDENT IDENT (COMMA IDENT)? IDENT expression COLON ;
arguments  : expression (COMMA expression)* (COMMA | ELLIPSIS)? ;
objectItem : objectKey (ASSIGN | COLON) expression ;
objectKey  : IDENT | STRING | NUMBER | LPAREN expression RPAREN ;
postfix    : DOT IDENT | DOT NUMBER | DOT STAR | LBRACK STAR RBRACK | LBRACK expression RBRACK ;
heredoc    : HEREDOC_START HEREDOC_LINE* HEREDOC_END ;
