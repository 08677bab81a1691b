namespace Folio.Features.Series;

public static class SeriesLinks
{
    public static string Path(string username, string slug) => $"/authors/{username}/series/{slug}";
}
