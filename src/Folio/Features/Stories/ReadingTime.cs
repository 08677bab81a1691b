namespace Folio.Features.Stories;

/// <summary>Words at 265 a minute, plus 12 s for the first image down to 3 s for the tenth and each after (DESIGN.md).</summary>
public static class ReadingTime
{
    public const int WordsPerMinute = 265;

    public static int Minutes(int words, int images)
    {
        var seconds = words * 60.0 / WordsPerMinute;
        for (var image = 0; image < images; image++)
        {
            seconds += Math.Max(12 - image, 3);
        }

        return Math.Max(1, (int)Math.Ceiling(seconds / 60));
    }
}
