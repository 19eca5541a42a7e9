package com.newsdesk.core.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The site's icons, drawn from one setting (the background colour): three white lines of "print" on a square.
 * {@code /favicon.ico} is what browsers ask for unprompted (a missing one is a console error on every page),
 * {@code /icon.svg} what current browsers prefer, {@code /apple-touch-icon.png} (180 px) what phones put on a home
 * screen. Their names are fixed, as browsers look them up by name, so they are cached for a day, not a year. Drawn
 * with shapes only: no font is needed, which a Lambda runtime may not have.
 */
public final class SiteIcons {
    public static final String CACHE_CONTROL = "public, max-age=86400";
    /** The mark on a 32-unit square: x, y, width, height of each line. */
    private static final int[][] LINES = {{7, 8, 18, 4}, {7, 14, 18, 4}, {7, 20, 11, 4}};

    private final List<SiteAssets.Asset> icons;

    public SiteIcons(String colour) {
        Color background = Color.decode(colour);
        this.icons = List.of(
                new SiteAssets.Asset("/favicon.ico", "image/x-icon", ico(List.of(png(background, 16), png(background, 32), png(background, 48)))),
                new SiteAssets.Asset("/icon.svg", "image/svg+xml", svg(colour)),
                new SiteAssets.Asset("/apple-touch-icon.png", "image/png", png(background, 180)));
    }

    public List<SiteAssets.Asset> all() {
        return icons;
    }

    private static byte[] png(Color background, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(background);
        graphics.fillRect(0, 0, size, size);
        graphics.setColor(Color.WHITE);
        for (int[] line : LINES) {
            graphics.fillRect(scaled(line[0], size), scaled(line[1], size), scaled(line[2], size), scaled(line[3], size));
        }
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int scaled(int units, int size) {
        return Math.round(units * size / 32f);
    }

    /** An ICO file holding PNG images (as every browser since 2010 reads them), smallest first. */
    private static byte[] ico(List<byte[]> pngs) {
        int headerBytes = 6 + 16 * pngs.size();
        ByteBuffer ico = ByteBuffer.allocate(headerBytes + pngs.stream().mapToInt(png -> png.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
        int offset = headerBytes;
        for (byte[] png : pngs) {
            int size = ByteBuffer.wrap(png, 16, 4).getInt();
            ico.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0)
                    .putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(offset);
            offset += png.length;
        }
        pngs.forEach(ico::put);
        return ico.array();
    }

    private static byte[] svg(String colour) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">")
                .append("<rect width=\"32\" height=\"32\" fill=\"").append(colour).append("\"/>");
        for (int[] line : LINES) {
            svg.append("<rect x=\"").append(line[0]).append("\" y=\"").append(line[1]).append("\" width=\"").append(line[2])
                    .append("\" height=\"").append(line[3]).append("\" fill=\"#fff\"/>");
        }
        return svg.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
