using Microsoft.EntityFrameworkCore.Metadata;

namespace Folio.Features.Operations;

/// <summary>
/// The order in which to copy the model's entity types so that every foreign key points at a row already copied:
/// principals before dependents (a topological sort over the model's foreign keys, ties by name). Owned types travel
/// with their owners; a table's references to itself (a comment's parent) are satisfied by copying in key order.
/// </summary>
public static class CopyOrder
{
    public static IReadOnlyList<IEntityType> Of(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var dependsOn = types.ToDictionary(t => t, t => Principals(t).Where(p => p != t).ToHashSet());
        var ordered = new List<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var ready = types.FirstOrDefault(t => !ordered.Contains(t) && dependsOn[t].All(ordered.Contains))
                ?? throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", types.Except(ordered).Select(t => t.DisplayName())));
            ordered.Add(ready);
        }

        return ordered;
    }

    /// <summary>The root types this type (and the types it owns) has foreign keys to.</summary>
    private static IEnumerable<IEntityType> Principals(IEntityType type) =>
        type.GetForeignKeys().Where(fk => !fk.IsOwnership).Select(fk => Root(fk.PrincipalEntityType))
            .Concat(type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent).SelectMany(n => Principals(n.TargetEntityType)));

    private static IEntityType Root(IEntityType type) => type.FindOwnership() is { } ownership ? Root(ownership.PrincipalEntityType) : type;
}
