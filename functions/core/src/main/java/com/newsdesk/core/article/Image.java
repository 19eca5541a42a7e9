package com.newsdesk.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String src, String alt, String caption, String credit, Integer width, Integer height) {}
