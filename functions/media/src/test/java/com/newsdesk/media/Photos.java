package com.newsdesk.media;

import java.awt.Color;
import java.awt.Graphics2D;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Test photos: real encoded images, some with EXIF as cameras write it, some hostile. */
final class Photos {
    private Photos() {}

    /** A landscape photo, red on the left half and blue on the right, so its orientation can be read back. */
    static BufferedImage landscape(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    static byte[] encoded(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A WebP as TwelveMonkeys' Java reader decodes it: another implementation than the libwebp that wrote it. */
    static BufferedImage decodedWebp(byte[] webp) {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(webp))) {
            reader.setInput(input);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * A JPEG as a phone writes it: the location (GPS), the camera's make and the owner's name in EXIF, and the
     * pixels stored sideways with orientation 6 ("rotate 90 degrees clockwise to view").
     */
    static byte[] phoneJpeg(BufferedImage stored) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "PhoneMaker");
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, "Jane Photographer");
        exif.setGpsInDegrees(13.4050, 52.5200);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(encoded(stored, "jpeg"), withExif, exif);
        return withExif.toByteArray();
    }

    /** A valid PNG header declaring {@code width} x {@code height} pixels, and almost no image data: a decompression bomb. */
    static byte[] pngDeclaring(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        png.putInt(13).put(header.array()).putInt(crc(header.array()));
        png.putInt(0).put("IEND".getBytes()).putInt(crc("IEND".getBytes()));
        return png.array();
    }

    /** A real JPEG whose frame header (SOF) is changed to declare {@code width} x {@code height}. */
    static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = encoded(landscape(16, 16), "jpeg");
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && ((jpeg[i + 1] & 0xFF) == 0xC0 || (jpeg[i + 1] & 0xFF) == 0xC2)) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no frame header");
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
