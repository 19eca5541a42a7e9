package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.media.Renditions;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What needs no server: formats the test cannot upload as easily as JPEG and PNG. */
class PhotoRenditionsTest {

    @Test
    void webp_isReadByContent_andBecomesJpegVariants() throws Exception {
        // a 1x1 lossless WebP (VP8L); no WebP encoder is on the class path to make a larger one
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        Renditions.Rendered rendered = new PhotoRenditions().render(webp);

        assertThat(rendered.format()).isEqualTo("webp");
        assertThat(rendered.width()).isEqualTo(1);
        assertThat(rendered.files()).extracting(Renditions.Rendition::mediaType).containsOnly("image/jpeg");
    }
}
