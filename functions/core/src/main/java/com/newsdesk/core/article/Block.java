package com.newsdesk.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One block of an article body; the JSON {@code type} names the variant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
    @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
    @JsonSubTypes.Type(value = Block.Callout.class, name = "callout"),
    @JsonSubTypes.Type(value = Block.Timeline.class, name = "timeline"),
    @JsonSubTypes.Type(value = Block.Table.class, name = "table"),
    @JsonSubTypes.Type(value = Block.Faq.class, name = "faq"),
    @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
    @JsonSubTypes.Type(value = Block.ItemList.class, name = "list"),
    @JsonSubTypes.Type(value = Block.ImageBlock.class, name = "image"),
    @JsonSubTypes.Type(value = Block.Aside.class, name = "aside")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Block {

    record Paragraph(String text) implements Block {}

    record Heading(Integer level, String text) implements Block {
        public int depth() {
            return level == null ? 2 : level;
        }
    }

    record Callout(String variant, String title, String text) implements Block {}

    record Timeline(String title, List<Event> events) implements Block {
        public record Event(String date, String text) {}
    }

    record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {}

    record Faq(String title, List<Item> items) implements Block {
        public record Item(String question, String answer) {}
    }

    record Quote(String text, String attribution, String reference) implements Block {}

    record ItemList(Boolean ordered, List<String> items) implements Block {
        public boolean isOrdered() {
            return ordered != null && ordered;
        }
    }

    record ImageBlock(Image image) implements Block {}

    record Aside(String variant, String title, List<String> paragraphs) implements Block {}
}
