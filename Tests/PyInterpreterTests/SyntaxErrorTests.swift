import XCTest
@testable import PyInterpreter

/// Syntax errors: type, message and position as CPython 3.11's compile() reports them.
final class SyntaxErrorTests: InterpreterTestCase {
    func test_never_closed_paren() {
        assertError("x = (1,\ny = 2\n", "SyntaxError: '(' was never closed", at: (1, 5))
    }

    func test_never_closed_call() {
        assertError("print(1, 2\nx = 3\n", "SyntaxError: '(' was never closed", at: (1, 6))
    }

    func test_expected_colon() {
        assertError("if x\n    y = 1\n", "SyntaxError: expected ':'", at: (1, 5))
    }

    func test_expected_indent_if() {
        assertError("if x:\ny = 1\n", "IndentationError: expected an indented block after 'if' statement on line 1", at: (2, 1))
    }

    func test_unexpected_indent() {
        assertError("  x = 1\n", "IndentationError: unexpected indent", at: (1, 2))
    }

    func test_unindent_mismatch() {
        assertError("if x:\n    a\n  b\n", "IndentationError: unindent does not match any outer indentation level", at: (3, 4))
    }

    func test_trailing_operator() {
        assertError("x = 1 +\n", "SyntaxError: invalid syntax", at: (1, 8))
    }

    func test_unmatched_bracket() {
        assertError("x = ]\n", "SyntaxError: unmatched ']'", at: (1, 5))
    }

    func test_mismatched_bracket() {
        assertError("x = (]\n", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", at: (1, 6))
    }

    func test_assign_to_call() {
        assertError("f() = 3\n", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?", at: (1, 1))
    }

    func test_assign_to_literal() {
        assertError("1 = x\n", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?", at: (1, 1))
    }

    func test_unterminated_string() {
        assertError("x = 'abc\n", "SyntaxError: unterminated string literal (detected at line 1)", at: (1, 5))
    }

    func test_unterminated_triple() {
        assertError("x = '''abc\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 1)", at: (1, 5))
    }

    func test_invalid_character() {
        assertError("x = 3 \u{20AC}\n", "SyntaxError: invalid character '\u{20AC}' (U+20AC)", at: (1, 7))
    }

    func test_too_many_parens() {
        assertError(String(repeating: "(", count: 250) + String(repeating: ")", count: 250) + "\n", "SyntaxError: too many nested parentheses", at: (1, 201))
    }

    func test_for_missing_body() {
        assertError("for x in y:\n", "IndentationError: expected an indented block after 'for' statement on line 1", at: (1, 12))
    }

    func test_class_missing_body() {
        assertError("class A:\npass\n", "IndentationError: expected an indented block after class definition on line 1", at: (2, 1))
    }

    func test_def_missing_body() {
        assertError("def f():\nreturn 1\n", "IndentationError: expected an indented block after function definition on line 1", at: (2, 1))
    }

    func test_forgot_comma_list() {
        assertError("x = [1, 2 3]\n", "SyntaxError: invalid syntax. Perhaps you forgot a comma?", at: (1, 9))
    }

    func test_forgot_comma_paren() {
        assertError("x = (1 2)\n", "SyntaxError: invalid syntax. Perhaps you forgot a comma?", at: (1, 6))
    }

    func test_print_statement() {
        assertError("print 'hi'\n", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?", at: (1, 1))
    }

    func test_juxtaposed_names() {
        assertError("a b\n", "SyntaxError: invalid syntax", at: (1, 3))
    }

    func test_duplicate_argument() {
        assertError("def f(x, x): pass\n", "SyntaxError: duplicate argument 'x' in function definition", at: (1, 10))
    }

    func test_non_default_after_default() {
        assertError("def f(a=1, b): pass\n", "SyntaxError: non-default argument follows default argument", at: (1, 12))
    }

    func test_return_outside() {
        assertError("return 5\n", "SyntaxError: 'return' outside function", at: (1, 1))
    }

    func test_break_outside() {
        assertError("break\n", "SyntaxError: 'break' outside loop", at: (1, 1))
    }

    func test_continue_outside() {
        assertError("continue\n", "SyntaxError: 'continue' not properly in loop", at: (1, 1))
    }

    func test_double_augassign() {
        assertError("x += 1 += 2\n", "SyntaxError: invalid syntax", at: (1, 8))
    }

    func test_delete_call() {
        assertError("del f()\n", "SyntaxError: cannot delete function call", at: (1, 5))
    }

    func test_nonlocal_module() {
        assertError("nonlocal x\n", "SyntaxError: nonlocal declaration not allowed at module level", at: (1, 1))
    }

    func test_kw_then_positional() {
        assertError("f(a=1, 2)\n", "SyntaxError: positional argument follows keyword argument", at: (1, 9))
    }

    func test_unpack_order() {
        assertError("f(**x, *y)\n", "SyntaxError: iterable argument unpacking follows keyword argument unpacking", at: (1, 8))
    }

    func test_dict_missing_colon() {
        assertError("x = {1: 2, 3}\n", "SyntaxError: ':' expected after dictionary key", at: (1, 12))
    }

    func test_else_alone() {
        assertError("else:\n  pass\n", "SyntaxError: invalid syntax", at: (1, 1))
    }

    func test_leading_zero() {
        assertError("x = 0777\n", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: (1, 5))
    }

    func test_double_underscore_number() {
        assertError("x = 1__0\n", "SyntaxError: invalid decimal literal", at: (1, 6))
    }

    func test_conditional_no_else() {
        assertError("x = 5 if y\n", "SyntaxError: expected 'else' after 'if' expression", at: (1, 5))
    }

    func test_truncated_hex_escape() {
        assertError("x = '\\x4'\n", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", at: (1, 10))
    }

    func test_try_without_except() {
        assertError("try:\n    pass\n", "SyntaxError: expected 'except' or 'finally' block", at: (2, 9))
    }

    func test_incomplete_comparison() {
        assertError("x ==\n", "SyntaxError: invalid syntax", at: (1, 5))
    }

    func test_tab_indent_first_line() {
        assertError("\tif x:\n", "IndentationError: unexpected indent", at: (1, 1))
    }

    func test_tab_space_mix() {
        assertError("if 1:\n\tx\n        y\n", "TabError: inconsistent use of tabs and spaces in indentation", at: (3, 1))
    }

    func test_keyword_alone() {
        assertError("in\n", "SyntaxError: invalid syntax", at: (1, 1))
    }

    func test_fstring_empty() {
        assertError("f'{}'\n", "SyntaxError: f-string: empty expression not allowed", at: (1, 6))
    }

    func test_fstring_unclosed() {
        assertError("f'{x'\n", "SyntaxError: f-string: expecting '}'", at: (1, 6))
    }

    func test_fstring_single_brace() {
        assertError("f'}'\n", "SyntaxError: f-string: single '}' is not allowed", at: (1, 5))
    }

    func test_comprehension_no_iter() {
        assertError("[x for x in]\n", "SyntaxError: invalid syntax", at: (1, 12))
    }

    func test_attribute_number() {
        assertError("a.1\n", "SyntaxError: invalid syntax", at: (1, 2))
    }

    func test_list_never_closed() {
        assertError("x = [\n", "SyntaxError: '[' was never closed", at: (1, 5))
    }

    func test_stray_paren() {
        assertError("x = )\n", "SyntaxError: unmatched ')'", at: (1, 5))
    }

    func test_def_never_closed() {
        assertError("def f(\n", "SyntaxError: '(' was never closed", at: (1, 6))
    }

    func test_import_nothing() {
        assertError("import\n", "SyntaxError: invalid syntax", at: (1, 7))
    }

    func test_from_import_nothing() {
        assertError("from x import\n", "SyntaxError: invalid syntax", at: (1, 14))
    }

    func test_with_missing_body() {
        assertError("with open(x) as f:\n", "IndentationError: expected an indented block after 'with' statement on line 1", at: (1, 19))
    }

    func test_break_in_nested_def() {
        assertError("while True:\n    def f():\n        break\n", "SyntaxError: 'break' outside loop", at: (3, 9))
    }

    func test_starred_alone() {
        assertError("*a = 1\n", "SyntaxError: starred assignment target must be in a list or tuple", at: (1, 1))
    }

    func test_two_starred() {
        assertError("*a, *b = 1, 2\n", "SyntaxError: multiple starred expressions in assignment", at: (1, 1))
    }

    func test_augassign_tuple() {
        assertError("a, b += 1\n", "SyntaxError: 'tuple' is an illegal expression for augmented assignment", at: (1, 1))
    }

    func test_yield_outside() {
        assertError("x = yield\n", "SyntaxError: 'yield' outside function", at: (1, 5))
    }

    func test_unparenthesized_genexp() {
        assertError("print(x for x in y, 1)\n", "SyntaxError: Generator expression must be parenthesized", at: (1, 7))
    }

    func test_global_after_assign() {
        assertError("def f():\n    x = 1\n    global x\n", "SyntaxError: name 'x' is assigned to before global declaration", at: (3, 5))
    }

    func test_keyword_repeated() {
        assertError("f(a=1, a=2)\n", "SyntaxError: keyword argument repeated: a", at: (1, 8))
    }

    func test_assign_to_keyword() {
        assertError("None = 1\n", "SyntaxError: cannot assign to None", at: (1, 1))
    }

    func test_lambda_default_order() {
        assertError("f = lambda a=1, b: 0\n", "SyntaxError: non-default argument follows default argument", at: (1, 17))
    }

    func test_deep_unary() {
        assertError(String(repeating: "-", count: 5000) + "1\n", "RecursionError: maximum recursion depth exceeded during compilation")
    }

    func test_long_addition() {
        assertError(Array(repeating: "1", count: 5000).joined(separator: "+") + "\n", "RecursionError: maximum recursion depth exceeded during compilation")
    }

    func test_too_deep_indentation() {
        assertError((0...100).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 101) + "pass\n", "IndentationError: too many levels of indentation", at: (101, 1))
    }

    func test_tokenizer_error_wins() {
        assertError("a b\nc = ]\n", "SyntaxError: unmatched ']'", at: (2, 5))
    }

    func test_error_after_good_lines() {
        assertError("x = 1\ny = 2\nz = (3 +\n", "SyntaxError: '(' was never closed", at: (3, 5))
    }

    func test_unterminated_in_second_line() {
        assertError("x = 1 +\ny = 'abc\n", "SyntaxError: unterminated string literal (detected at line 2)", at: (2, 5))
    }

    func test_indent_mismatch_wins() {
        assertError("if x:\n  pass\n else:\n  y = (\n", "IndentationError: unindent does not match any outer indentation level", at: (3, 7))
    }

}
