using SkiaSharp;

namespace Folio.Shared.Images;

/// <summary>
/// Decodes a picture only as large as its use needs: the codec scales what it can while decoding (JPEG by eighths, WebP
/// to any size), and beyond that each block of pixels is averaged into one. Averaging, unlike keeping every nth pixel,
/// lets nothing alias. A JPEG is averaged strip by strip as its rows are decoded; Skia decodes a PNG only whole, so a
/// large PNG is held at full size until it has been averaged, which <see cref="Pixels"/> counts.
/// </summary>
internal sealed class ReducedDecoder
{
    private readonly SKCodec _codec;
    private readonly SKImageInfo _scaled;
    private readonly int _block;
    private readonly bool _rowByRow;

    private ReducedDecoder(SKCodec codec, SKImageInfo scaled, int block, bool rowByRow)
    {
        _codec = codec;
        _scaled = scaled;
        _block = block;
        _rowByRow = rowByRow;
        Size = new SKSizeI((scaled.Width + block - 1) / block, (scaled.Height + block - 1) / block);
    }

    /// <summary>What <see cref="Decode"/> returns: the smallest size at least as large as needed in both directions, or the picture's own.</summary>
    public SKSizeI Size { get; }

    /// <summary>Pixels decoding holds at once: the result, and the strip of rows or the whole picture it is averaged from.</summary>
    public long Pixels => (long)Size.Width * Size.Height + (_block == 1 ? 0 : (long)_scaled.Width * (_rowByRow ? _block : _scaled.Height));

    /// <param name="needed">The size its use needs, upright: a picture turned by EXIF is needed the other way round while decoding.</param>
    public static ReducedDecoder Start(SKCodec codec, SKSizeI needed)
    {
        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = Math.Max(1, turned ? needed.Height : needed.Width);
        var height = Math.Max(1, turned ? needed.Width : needed.Height);
        var full = codec.Info;
        var scale = Math.Min(1f, Math.Max(width / (float)full.Width, height / (float)full.Height));
        var scaled = new SKImageInfo(1, 1, SKColorType.Rgba8888, SKAlphaType.Premul).WithSize(codec.GetScaledDimensions(scale));
        var block = Math.Max(1, Math.Min(scaled.Width / width, scaled.Height / height));
        // Of the accepted formats only JPEG decodes row by row; WebP needs no blocks, as it scales to any size itself.
        var rowByRow = block > 1 && codec.StartScanlineDecode(scaled) == SKCodecResult.Success;
        return new ReducedDecoder(codec, scaled, block, rowByRow);
    }

    /// <summary>The decoded pixels, or null when the picture is damaged. A picture cut short keeps what arrived, as decoders do.</summary>
    public SKBitmap? Decode()
    {
        if (_block == 1)
        {
            return DecodeWhole();
        }

        if (_rowByRow)
        {
            return DecodeAveragedRowByRow();
        }

        using var whole = DecodeWhole();
        return whole is null ? null : Averaged(whole);
    }

    private SKBitmap? DecodeWhole()
    {
        var bitmap = new SKBitmap(_scaled);
        if (_codec.GetPixels(_scaled, bitmap.GetPixels()) is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private SKBitmap Averaged(SKBitmap whole)
    {
        var reduced = new SKBitmap(_scaled.WithSize(Size.Width, Size.Height));
        for (var y = 0; y < Size.Height; y++)
        {
            var rows = Math.Min(_block, _scaled.Height - y * _block);
            AverageBlocks(whole.GetPixelSpan()[(y * _block * whole.RowBytes)..], whole.RowBytes, rows, reduced.GetPixelSpan().Slice(y * reduced.RowBytes, Size.Width * 4));
        }

        return reduced;
    }

    private SKBitmap DecodeAveragedRowByRow()
    {
        var reduced = new SKBitmap(_scaled.WithSize(Size.Width, Size.Height));
        using var strip = new SKBitmap(_scaled.WithSize(_scaled.Width, _block));
        for (var y = 0; y < Size.Height; y++)
        {
            var rows = Math.Min(_block, _scaled.Height - y * _block);
            // Rows the codec could not deliver (a file cut short) come back filled; the picture keeps what arrived.
            _codec.GetScanlines(strip.GetPixels(), rows, strip.RowBytes);
            AverageBlocks(strip.GetPixelSpan(), strip.RowBytes, rows, reduced.GetPixelSpan().Slice(y * reduced.RowBytes, Size.Width * 4));
        }

        return reduced;
    }

    // Premultiplied channels, so averaging weighs each pixel's colour by its opacity, as a correct downscale must.
    private void AverageBlocks(ReadOnlySpan<byte> strip, int stripRowBytes, int rows, Span<byte> reducedRow)
    {
        for (var x = 0; x < Size.Width; x++)
        {
            var columns = Math.Min(_block, _scaled.Width - x * _block);
            long red = 0, green = 0, blue = 0, alpha = 0;
            for (var row = 0; row < rows; row++)
            {
                var block = strip.Slice(row * stripRowBytes + x * _block * 4, columns * 4);
                for (var i = 0; i < block.Length; i += 4)
                {
                    red += block[i];
                    green += block[i + 1];
                    blue += block[i + 2];
                    alpha += block[i + 3];
                }
            }

            var count = rows * columns;
            reducedRow[x * 4] = (byte)((red + count / 2) / count);
            reducedRow[x * 4 + 1] = (byte)((green + count / 2) / count);
            reducedRow[x * 4 + 2] = (byte)((blue + count / 2) / count);
            reducedRow[x * 4 + 3] = (byte)((alpha + count / 2) / count);
        }
    }
}
