package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.media.Renditions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** What needs no server: formats the test cannot upload as easily as JPEG and PNG. */
class PhotoRenditionsTest {

    @Test
    void webp_isReadByContent_andBecomesJpegAndWebpVariants() throws Exception {
        // a 1x1 lossless WebP (VP8L), as few encoders write it
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        Renditions.Rendered rendered = new PhotoRenditions().render(webp);

        assertThat(rendered.format()).isEqualTo("webp");
        assertThat(rendered.width()).isEqualTo(1);
        assertThat(rendered.files()).extracting(file -> file.kind() + " " + file.width() + " " + file.mediaType())
                .containsExactly("width 1 image/jpeg", "width 1 image/webp", "social 1200 image/jpeg");
    }

    @Test
    void webpUploads_areDecodedByJavaCodeOnly_notByTheEncodersNativeLibrary() throws Exception {
        new PhotoRenditions();

        List<String> readers = new ArrayList<>();
        for (Iterator<ImageReader> webp = ImageIO.getImageReadersByFormatName("webp"); webp.hasNext(); ) {
            readers.add(webp.next().getClass().getName());
        }
        assertThat(readers).isNotEmpty().allMatch(reader -> reader.startsWith("com.twelvemonkeys."));
    }
}
