package com.newsdesk.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MenuSectionTest {

    @Test
    void pairs_keepTheirOrder_andEmptyMeansNoMenu() {
        assertThat(MenuSection.parse(" news:News , city:City ")).containsExactly(new MenuSection("news", "News"), new MenuSection("city", "City"));
        assertThat(MenuSection.parse("")).isEmpty();
    }

    @Test
    void aMenuThatCannotWork_isRefusedAtStart_namingThePair() {
        for (String bad : new String[] {"News:News", "news", "news:", "api:API", "news:News,news:More", "../x:X"}) {
            assertThatThrownBy(() -> MenuSection.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SITE_SECTIONS").hasMessageContaining(bad.contains(",") ? "news:More" : bad);
        }
    }
}
