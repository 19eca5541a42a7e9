package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.site.Settings;
import com.newsdesk.core.site.SiteSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The site's icons: real ICO, SVG and PNG files in the colour the site setting names. */
class SiteIconsTest {

    @Test
    void favicon_isAnIcoOf16_32And48PixelPngs_inTheSettingsColour() throws Exception {
        byte[] ico = asset(new SiteIcons("#c0392b"), "/favicon.ico").bytes();

        ByteBuffer header = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(0)).isZero();
        assertThat(header.getShort(2)).as("type: icon").isEqualTo((short) 1);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < header.getShort(4); i++) {
            int entry = 6 + 16 * i;
            int length = header.getInt(entry + 8);
            int offset = header.getInt(entry + 12);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Arrays.copyOfRange(ico, offset, offset + length)));
            assertThat(image.getWidth()).isEqualTo(ico[entry] & 0xFF).isEqualTo(image.getHeight());
            assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xC0392B);
            sizes.add(image.getWidth());
        }
        assertThat(sizes).containsExactly(16, 32, 48);
    }

    @Test
    void touchIconAndSvg_followTheSetting_andTheDefaultIsPlain() throws Exception {
        SiteIcons defaults = new SiteIcons(SiteSettings.from(Settings.of(Map.of("SITE_BASE_URL", "https://news.example"))).iconColour());

        BufferedImage touch = ImageIO.read(new ByteArrayInputStream(asset(defaults, "/apple-touch-icon.png").bytes()));
        assertThat(touch.getWidth()).isEqualTo(180);
        assertThat(touch.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x1A1A1A);
        assertThat(touch.getRGB(90, 50) & 0xFFFFFF).as("a white line of the mark").isEqualTo(0xFFFFFF);
        assertThat(new String(asset(new SiteIcons("#0055aa"), "/icon.svg").bytes(), StandardCharsets.UTF_8))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("fill=\"#0055aa\"");
    }

    @Test
    void colourSetting_mustBeAHexColour() {
        assertThatThrownBy(() -> SiteSettings.from(Settings.of(Map.of("SITE_BASE_URL", "https://news.example",
                "SITE_ICON_COLOUR", "red\"/><script>"))))
                .hasMessageContaining("SITE_ICON_COLOUR");
    }

    private static SiteAssets.Asset asset(SiteIcons icons, String path) {
        return icons.all().stream().filter(icon -> icon.path().equals(path)).findFirst().orElseThrow();
    }
}
