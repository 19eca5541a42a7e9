package com.newsdesk.core.render;

import com.newsdesk.core.render.ArticleView.TimeView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Dates as readers of a language expect them, with the machine-readable form for {@code <time datetime>}. */
final class Dates {
    /** Enough for every story a site shows in its lists; a full memo is emptied rather than grown. */
    private static final int MAX_MOMENTS = 50_000;

    private final ZoneId zone;
    private final Map<Locale, Formats> formats = new ConcurrentHashMap<>();
    private final Map<Moment, TimeView> moments = new ConcurrentHashMap<>();

    Dates(ZoneId zone) {
        this.zone = zone;
    }

    private record Moment(Instant instant, Locale locale) {}

    private record Formats(DateTimeFormatter day, DateTimeFormatter month, DateTimeFormatter time) {}

    private Formats formats(Locale locale) {
        return formats.computeIfAbsent(locale, l -> new Formats(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l),
                DateTimeFormatter.ofPattern("LLLL y", l),
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l)));
    }

    /** A timeline date: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}, already validated. */
    TimeView calendarDate(String iso, Locale locale) {
        String display = switch (iso.length()) {
            case 10 -> formats(locale).day().format(LocalDate.parse(iso));
            case 7 -> formats(locale).month().format(YearMonth.parse(iso));
            default -> iso;
        };
        return new TimeView(iso, display);
    }

    /**
     * A moment such as the publication time, shown as date and time in the newsroom's zone. Remembered: lists and
     * "You may also like" show each story's time over and over (a twentieth of a site's rebuild was formatting them).
     */
    TimeView moment(Instant instant, Locale locale) {
        Moment key = new Moment(instant, locale);
        TimeView known = moments.get(key);
        if (known != null) {
            return known;
        }
        TimeView formatted = format(instant, locale);
        if (moments.size() >= MAX_MOMENTS) {
            moments.clear();
        }
        moments.put(key, formatted);
        return formatted;
    }

    private TimeView format(Instant instant, Locale locale) {
        ZonedDateTime local = instant.atZone(zone);
        Formats f = formats(locale);
        String display = f.day().format(local) + ", " + f.time().format(local) + " " + zoneLabel(local);
        return new TimeView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.withNano(0)), display);
    }

    private static String zoneLabel(ZonedDateTime time) {
        return time.getZone().getId().equals("UTC") || time.getZone().getId().equals("Z")
                ? "UTC" : DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(time);
    }
}
