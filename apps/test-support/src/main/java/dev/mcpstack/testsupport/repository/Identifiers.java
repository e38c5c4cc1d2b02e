package dev.mcpstack.testsupport.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits an identifier into its lower-case words: {@code InvoiceLedgerService} and {@code invoice_ledger}. */
final class Identifiers {

    private Identifiers() {}

    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c) || (Character.isUpperCase(c) && word.length() > 0)) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
