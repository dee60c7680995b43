// The shell's abstract syntax tree (POSIX sh grammar, plus [[ ]] and (( )) of bash/ash).

export type WordPart =
  | { kind: "lit"; text: string; quoted: boolean }
  | { kind: "param"; name: string; op: ParamOp | null; arg: WordPart[] | null; arg2?: WordPart[] | null; quoted: boolean }
  | { kind: "length"; name: string; quoted: boolean }
  | { kind: "cmdsub"; script: Script; quoted: boolean }
  | { kind: "arith"; expr: WordPart[]; quoted: boolean }
  | { kind: "tilde"; user: string };

export type ParamOp = ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?" | "%" | "%%" | "#" | "##" | "/" | "//" | ":";

export type Word = { parts: WordPart[]; raw: string };

export type Redir = {
  fd: number | null;
  op: ">" | ">>" | "<" | ">&" | "<&" | "<<" | "<<-" | "<<<" | ">|" | "&>" | "&>>" | "<>";
  target: Word;
  heredoc?: { body: string; quoted: boolean };
};

export type Assignment = { name: string; value: Word; append: boolean };

export type SimpleCommand = { kind: "simple"; assigns: Assignment[]; words: Word[]; redirs: Redir[]; line: number };
export type IfCommand = { kind: "if"; clauses: { cond: List; body: List }[]; elseBody: List | null; redirs: Redir[] };
export type LoopCommand = { kind: "loop"; until: boolean; cond: List; body: List; redirs: Redir[] };
export type ForCommand = { kind: "for"; name: string; items: Word[] | null; body: List; redirs: Redir[] };
export type CaseCommand = { kind: "case"; subject: Word; arms: { patterns: Word[]; body: List }[]; redirs: Redir[] };
export type GroupCommand = { kind: "group"; body: List; redirs: Redir[] };
export type SubshellCommand = { kind: "subshell"; body: List; redirs: Redir[] };
export type CondCommand = { kind: "cond"; words: Word[]; redirs: Redir[]; line: number };
export type ArithCommand = { kind: "arith-cmd"; expr: WordPart[]; redirs: Redir[] };
export type FunctionDef = { kind: "funcdef"; name: string; body: Command };

export type Command =
  | SimpleCommand | IfCommand | LoopCommand | ForCommand | CaseCommand | GroupCommand | SubshellCommand
  | CondCommand | ArithCommand | FunctionDef;

export type Pipeline = { kind: "pipeline"; negate: boolean; commands: Command[] };
export type AndOr = { kind: "andor"; first: Pipeline; rest: { op: "&&" | "||"; pipeline: Pipeline }[] };
export type List = { kind: "list"; items: { node: AndOr; background: boolean }[] };
export type Script = { kind: "script"; body: List };
