package com.newsdesk.core.share;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Readers' clicks on an article's short links.
 *
 * @param byChannel every channel, zero where nobody clicked
 * @param days the days with clicks, oldest first, each with the channels clicked that day
 */
public record ShareStats(long total, Map<ShareChannel, Long> byChannel, List<Day> days) {

    public record Day(LocalDate date, long total, Map<ShareChannel, Long> byChannel) {}

    static ShareStats of(Map<LocalDate, Map<ShareChannel, Long>> countsByDay) {
        Map<ShareChannel, Long> byChannel = new EnumMap<>(ShareChannel.class);
        for (ShareChannel channel : ShareChannel.values()) {
            byChannel.put(channel, 0L);
        }
        List<Day> days = new ArrayList<>();
        long total = 0;
        for (Map.Entry<LocalDate, Map<ShareChannel, Long>> day : countsByDay.entrySet()) {
            long dayTotal = 0;
            for (Map.Entry<ShareChannel, Long> count : day.getValue().entrySet()) {
                byChannel.merge(count.getKey(), count.getValue(), Long::sum);
                dayTotal += count.getValue();
            }
            days.add(new Day(day.getKey(), dayTotal, Collections.unmodifiableMap(new EnumMap<>(day.getValue()))));
            total += dayTotal;
        }
        return new ShareStats(total, Collections.unmodifiableMap(byChannel), List.copyOf(days));
    }
}
