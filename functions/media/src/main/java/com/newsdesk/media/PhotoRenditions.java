package com.newsdesk.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.newsdesk.core.media.ImageRefused;
import com.newsdesk.core.media.Renditions;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import com.newsdesk.core.media.Variant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * The photo pipeline: the format is what the bytes say (never the name or declared type), the size is read from
 * the header and checked before a pixel is decoded (a small file can declare a gigapixel image), a decoder's
 * warning (a truncated file) refuses the upload, the EXIF orientation is applied, and the variants are encoded from
 * the pixels alone, so no metadata of the upload (location, camera, owner's name) can reach them.
 */
public final class PhotoRenditions implements Renditions {
    /** Widths of the responsive variants, for srcset; none is wider than the upload. */
    static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);
    static final int SOCIAL_WIDTH = 1200;
    static final int SOCIAL_HEIGHT = 630;
    /** A 50-megapixel camera's photo passes; decoded it takes 150-200 MB, within the function's memory. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final float JPEG_QUALITY = 0.82f;
    /** libwebp's own scale (its default is 0.75); about the JPEG's look at two thirds of its size. */
    private static final float WEBP_QUALITY = 0.8f;

    /**
     * Registers the TwelveMonkeys readers with ImageIO from this jar: ImageIO finds plug-ins through the thread's
     * context class loader, which in a Lambda runtime need not be the one that loaded the function. The WebP
     * writer's jar also registers a reader, native code: uploads are decoded by TwelveMonkeys' Java reader alone.
     */
    public PhotoRenditions() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PhotoRenditions.class.getClassLoader());
        try {
            ImageIO.scanForPlugins();
        } finally {
            thread.setContextClassLoader(previous);
        }
        IIORegistry registry = IIORegistry.getDefaultInstance();
        WebPImageReaderSpi nativeReader = registry.getServiceProviderByClass(WebPImageReaderSpi.class);
        if (nativeReader != null) {
            registry.deregisterServiceProvider(nativeReader, ImageReaderSpi.class);
        }
    }

    @Override
    public Rendered render(byte[] upload) throws ImageRefused {
        String format = format(upload);
        BufferedImage decoded = decode(upload, format);
        BufferedImage upright = flattened(ExifFilterUtils.getFilterForOrientation(orientation(upload)).apply(decoded));
        List<Rendition> files = new ArrayList<>();
        for (int width : widths(upright.getWidth())) {
            BufferedImage resized = resized(upright, width);
            files.add(jpeg(Variant.WIDTH, resized));
            files.add(webp(resized));
        }
        // JPEG only: not every site that shows link previews takes a WebP og:image
        files.add(jpeg(Variant.SOCIAL, socialCard(upright)));
        return new Rendered(format, upright.getWidth(), upright.getHeight(), files);
    }

    /** The format by its signature; what is no JPEG, PNG or WebP is refused here, before any decoder sees it. */
    static String format(byte[] bytes) throws ImageRefused {
        if (startsWith(bytes, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return "jpeg";
        }
        if (startsWith(bytes, 0, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A, (byte) 0x1A, (byte) 0x0A)) {
            return "png";
        }
        if (startsWith(bytes, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F') && startsWith(bytes, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return "webp";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            throw new ImageRefused("SVG is not accepted: an SVG file can carry scripts that would run on the site. Upload a PNG or JPEG.");
        }
        throw new ImageRefused("The file is not a JPEG, PNG or WebP image (its content says so, whatever its name or type).");
    }

    private static BufferedImage decode(byte[] bytes, String format) throws ImageRefused {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        IIOReadWarningListener warningListener = (source, warning) -> warnings.add(warning);
        reader.addIIOReadWarningListener(warningListener);
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw new ImageRefused("The image is " + width + " x " + height + " pixels (" + width * height / 1_000_000
                        + " megapixels); the limit is " + MAX_PIXELS / 1_000_000 + " megapixels.");
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new ImageRefused("The file is truncated or damaged: " + warnings.get(0));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // a decoder's own exceptions on hostile input include IndexOutOfBounds and the like
            throw new ImageRefused("The file is truncated or damaged; the " + format.toUpperCase(Locale.ROOT) + " decoder stopped: "
                    + e.getClass().getSimpleName());
        } finally {
            reader.dispose();
        }
    }

    /** The EXIF orientation, top-left when there is none or it cannot be read (the pixels decoded all the same). */
    private static Orientation orientation(byte[] bytes) {
        try {
            ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                Orientation orientation = Orientation.typeOf(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
                return orientation == null ? Orientation.TOP_LEFT : orientation;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // metadata is a hint: a photo whose EXIF is damaged is shown as its pixels are stored
        }
        return Orientation.TOP_LEFT;
    }

    /** Opaque RGB, transparency over white: JPEG has no alpha, and a grey-scale or indexed PNG becomes plain RGB. */
    private static BufferedImage flattened(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        return rgb;
    }

    /** The standard widths below the photo's own, and its own up to the largest: never enlarged. */
    static List<Integer> widths(int original) {
        List<Integer> widths = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width < original) {
                widths.add(width);
            }
        }
        int largest = Math.min(original, WIDTHS.get(WIDTHS.size() - 1));
        if (!widths.contains(largest)) {
            widths.add(largest);
        }
        return widths;
    }

    private static BufferedImage resized(BufferedImage image, int width) {
        if (width == image.getWidth()) {
            return image;
        }
        try {
            return Thumbnails.of(image).width(width).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1200x630 crop social networks show, from the middle of the photo. */
    private static BufferedImage socialCard(BufferedImage image) {
        try {
            return Thumbnails.of(image).size(SOCIAL_WIDTH, SOCIAL_HEIGHT).crop(Positions.CENTER).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Baseline-compatible progressive JPEG of the pixels only: no EXIF, XMP, ICC or comment segment is written. */
    private static Rendition jpeg(String kind, BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(JPEG_QUALITY);
        parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return new Rendition(kind, image.getWidth(), image.getHeight(), Variant.JPEG, "jpg", encoded(writer, parameters, image));
    }

    /** Lossy WebP (libwebp) of the pixels only: the writer is given no metadata, so no EXIF or XMP chunk is written. */
    private static Rendition webp(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(Variant.WEBP).next();
        WebPWriteParam parameters = new WebPWriteParam(writer.getLocale());
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionType(parameters.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
        parameters.setCompressionQuality(WEBP_QUALITY);
        return new Rendition(Variant.WIDTH, image.getWidth(), image.getHeight(), Variant.WEBP, "webp", encoded(writer, parameters, image));
    }

    private static byte[] encoded(ImageWriter writer, ImageWriteParam parameters, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (bytes[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
