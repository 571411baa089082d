package io.tributary.deploy.manifests;

/**
 * A Java source file in two views of the same length, so an offset found in one is valid in the other:
 * {@link #code()} without comments, and {@link #structure()} also without the contents of string and character
 * literals, where braces, parentheses and semicolons are all Java's own. Enough to find declarations by pattern;
 * not a parser.
 */
record JavaSourceText(String origin, String code, String structure) {

    static JavaSourceText of(String origin, String source) {
        StringBuilder code = new StringBuilder(source);
        StringBuilder structure = new StringBuilder(source);
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            char next = i + 1 < n ? source.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int stop = source.indexOf('\n', i);
                i = blank(source, i, stop < 0 ? n : stop, code, structure);
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                i = blank(source, i, end < 0 ? n : end + 2, code, structure);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end;
                blank(source, i + 3, stop, null, structure);
                i = Math.min(n, stop + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(j, n);
                blank(source, i + 1, stop, null, structure);
                i = stop + 1;
            } else {
                i++;
            }
        }
        return new JavaSourceText(origin, code.toString(), structure.toString());
    }

    /** The index of the brace that closes the one at {@code open}, or -1. */
    int closingBrace(int open) {
        int depth = 0;
        for (int i = open; i < structure.length(); i++) {
            char c = structure.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces [from, to) with spaces in the given views, keeping line breaks; returns {@code to}. */
    private static int blank(String source, int from, int to, StringBuilder code, StringBuilder structure) {
        for (int k = from; k < to; k++) {
            if (source.charAt(k) != '\n') {
                if (code != null) {
                    code.setCharAt(k, ' ');
                }
                structure.setCharAt(k, ' ');
            }
        }
        return to;
    }
}
