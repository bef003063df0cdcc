package dev.pageframe.notebook;

/** Finds where JSON text opens more lists and objects than a limit, for a located message. */
final class JsonNesting {
    private JsonNesting() {}

    /** "line L, column C" of the bracket that goes past {@code limit}, or "" if none does. */
    static String whereTooDeep(String json, int limit) {
        int depth = 0;
        int line = 1;
        int column = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (inString) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) {
                    return "line " + line + ", column " + column;
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return "";
    }
}
