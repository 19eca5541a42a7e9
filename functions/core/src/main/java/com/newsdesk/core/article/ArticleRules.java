package com.newsdesk.core.article;

import com.newsdesk.core.failure.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/** The rules of a sound article that JSON Schema cannot express; run after the schema has passed. */
final class ArticleRules {
    private ArticleRules() {}

    static List<Violation> check(Article article) {
        List<Violation> violations = new ArrayList<>();
        if (ArticlePaths.RESERVED_SECTIONS.contains(article.section().slug())) {
            violations.add(new Violation("/section/slug", "is one of the site's own paths ("
                    + String.join(", ", new TreeSet<>(ArticlePaths.RESERVED_SECTIONS)) + "); choose another section slug"));
        }
        Map<String, Integer> tagPages = new HashMap<>();
        for (int i = 0; i < article.tags().size(); i++) {
            Integer earlier = tagPages.putIfAbsent(TagSlugs.of(article.tags().get(i)), i);
            if (earlier != null) {
                violations.add(new Violation("/tags/" + i, "has the same tag page as /tags/" + earlier
                        + " (tags differing only in case, spaces or punctuation are one tag)"));
            }
        }
        Set<String> referenceIds = new HashSet<>();
        for (int i = 0; i < article.references().size(); i++) {
            if (!referenceIds.add(article.references().get(i).id())) {
                violations.add(new Violation("/references/" + i + "/id", "repeats the id of an earlier reference"));
            }
        }
        for (int b = 0; b < article.body().size(); b++) {
            String at = "/body/" + b;
            Block block = article.body().get(b);
            if (block instanceof Block.Paragraph p) {
                cited(p.text(), at + "/text", referenceIds, violations);
            } else if (block instanceof Block.Callout c) {
                cited(c.text(), at + "/text", referenceIds, violations);
            } else if (block instanceof Block.Timeline t) {
                for (int e = 0; e < t.events().size(); e++) {
                    Block.Timeline.Event event = t.events().get(e);
                    if (!isCalendarDate(event.date())) {
                        violations.add(new Violation(at + "/events/" + e + "/date", "is not a real calendar date"));
                    }
                    cited(event.text(), at + "/events/" + e + "/text", referenceIds, violations);
                }
            } else if (block instanceof Block.Table t) {
                for (int r = 0; r < t.rows().size(); r++) {
                    List<String> row = t.rows().get(r);
                    if (row.size() > t.columns().size()) {
                        violations.add(new Violation(at + "/rows/" + r, "has " + row.size()
                                + " cells but the table has " + t.columns().size() + " columns"));
                    }
                    for (int c = 0; c < row.size(); c++) {
                        cited(row.get(c), at + "/rows/" + r + "/" + c, referenceIds, violations);
                    }
                }
            } else if (block instanceof Block.Faq f) {
                for (int q = 0; q < f.items().size(); q++) {
                    cited(f.items().get(q).answer(), at + "/items/" + q + "/answer", referenceIds, violations);
                }
            } else if (block instanceof Block.Quote q) {
                cited(q.text(), at + "/text", referenceIds, violations);
                if (q.reference() != null && !referenceIds.contains(q.reference())) {
                    violations.add(new Violation(at + "/reference", "names no reference in /references"));
                }
            } else if (block instanceof Block.ItemList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    cited(l.items().get(i), at + "/items/" + i, referenceIds, violations);
                }
            } else if (block instanceof Block.Aside a) {
                for (int p = 0; p < a.paragraphs().size(); p++) {
                    cited(a.paragraphs().get(p), at + "/paragraphs/" + p, referenceIds, violations);
                }
            }
            // headings and images carry plain text only
        }
        return violations;
    }

    private static void cited(String text, String pointer, Set<String> referenceIds, List<Violation> violations) {
        Matcher citation = Citations.MARKER.matcher(text);
        while (citation.find()) {
            if (!referenceIds.contains(citation.group(1))) {
                violations.add(new Violation(pointer, "cites [[" + citation.group(1) + "]], which names no reference in /references"));
            }
        }
    }

    private static boolean isCalendarDate(String date) {
        try {
            switch (date.length()) {
                case 10 -> LocalDate.parse(date);
                case 7 -> YearMonth.parse(date);
                default -> { }
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
