using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Tags;

public static class TagResolver
{
    /// <summary>Finds or creates the tags with these names; names that normalise to the same slug become one tag.</summary>
    public static async Task<List<Tag>> ResolveAsync(FolioDb db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var wanted = names
            .Select(name => (Name: name.Trim(), Slug: TagSlug.From(name)))
            .Where(tag => tag.Slug.Length > 0)
            .DistinctBy(tag => tag.Slug)
            .ToList();
        var slugs = wanted.Select(tag => tag.Slug).ToList();
        var existing = db.Tags.Local.Where(t => slugs.Contains(t.Slug)).ToList();
        var stored = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        existing.AddRange(stored.Where(t => !existing.Contains(t)));

        var result = new List<Tag>();
        foreach (var (name, slug) in wanted)
        {
            var tag = existing.FirstOrDefault(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag { Slug = slug, Name = name };
                db.Tags.Add(tag);
                existing.Add(tag);
            }

            result.Add(tag);
        }

        return result;
    }
}
