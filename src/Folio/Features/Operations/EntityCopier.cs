using System.Collections;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Folio.Features.Operations;

/// <summary>
/// Copies the rows of one entity type, with the types it owns, between two contexts of the same model, in primary-key
/// order and in batches. EF Core reads each row with the source's conversions and writes it with the target's, so
/// dates stored as text, booleans as integers or a list as JSON arrive in the target's own types. Every property is
/// copied through the change tracker, shadow ones (an owned link's key) and keys included.
/// </summary>
public sealed class EntityCopier(DbContext source, DbContext target, int batchSize)
{
    private static readonly MethodInfo CopyOfType = typeof(EntityCopier).GetMethod(nameof(CopyTypeAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <param name="copied">Told the running total after each batch is saved.</param>
    public Task<int> CopyAsync(IEntityType type, Action<int> copied, CancellationToken cancellationToken) =>
        (Task<int>)CopyOfType.MakeGenericMethod(type.ClrType).Invoke(this, [type, copied, cancellationToken])!;

    private async Task<int> CopyTypeAsync<T>(IEntityType type, Action<int> copied, CancellationToken cancellationToken) where T : class
    {
        var from = type.HasSharedClrType ? source.Set<T>(type.Name) : source.Set<T>();
        var to = type.HasSharedClrType ? target.Set<T>(type.Name) : target.Set<T>();
        var targetType = target.Model.FindEntityType(type.Name)
            ?? throw new InvalidOperationException($"{type.DisplayName()} is not in the target's model.");
        var rows = InKeyOrder(from, type);
        var done = 0;
        while (true)
        {
            var batch = await rows.Skip(done).Take(batchSize).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                var original = from.Entry(row);
                CopyValues(original, to.Add((T)Clone(original, targetType)));
            }

            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            source.ChangeTracker.Clear();
            done += batch.Count;
            copied(done);
            if (batch.Count < batchSize)
            {
                return done;
            }
        }
    }

    private static IQueryable<T> InKeyOrder<T>(IQueryable<T> rows, IEntityType type) where T : class
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var name in type.FindPrimaryKey()!.Properties.Select(p => p.Name))
        {
            ordered = ordered is null ? rows.OrderBy(e => EF.Property<object>(e, name)) : ordered.ThenBy(e => EF.Property<object>(e, name));
        }

        return ordered ?? rows;
    }

    /// <summary>A new instance with the row's values and copies of its owned entities attached, ready to be added as one graph.</summary>
    private static object Clone(EntityEntry original, IEntityType targetType)
    {
        object clone;
        if (original.Metadata.IsPropertyBag)
        {
            var bag = (IDictionary<string, object>)Activator.CreateInstance(original.Metadata.ClrType)!;
            foreach (var property in original.Metadata.GetProperties())
            {
                bag[property.Name] = original.CurrentValues[property]!;
            }

            clone = bag;
        }
        else
        {
            clone = original.CurrentValues.ToObject();
        }

        foreach (var navigation in Owned(original.Metadata))
        {
            var targetNavigation = targetType.FindNavigation(navigation.Name)!;
            foreach (var owned in OwnedEntries(original, navigation))
            {
                var ownedClone = Clone(owned, targetNavigation.TargetEntityType);
                if (navigation.IsCollection)
                {
                    targetNavigation.GetCollectionAccessor()!.Add(clone, ownedClone, forMaterialization: false);
                }
                else
                {
                    targetNavigation.PropertyInfo!.SetValue(clone, ownedClone);
                }
            }
        }

        return clone;
    }

    private static void CopyValues(EntityEntry original, EntityEntry copy)
    {
        foreach (var property in copy.Metadata.GetProperties())
        {
            copy.Property(property.Name).CurrentValue = original.Property(property.Name).CurrentValue;
        }

        foreach (var navigation in Owned(original.Metadata))
        {
            foreach (var (ownedOriginal, ownedCopy) in OwnedEntries(original, navigation).Zip(OwnedEntries(copy, copy.Metadata.FindNavigation(navigation.Name)!)))
            {
                CopyValues(ownedOriginal, ownedCopy);
            }
        }
    }

    private static IEnumerable<INavigation> Owned(IEntityType type) =>
        type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent);

    private static IEnumerable<EntityEntry> OwnedEntries(EntityEntry owner, INavigation navigation)
    {
        if (navigation.IsCollection)
        {
            var collection = owner.Collection(navigation.Name);
            return ((IEnumerable?)collection.CurrentValue ?? Array.Empty<object>()).Cast<object>().Select(item => collection.FindEntry(item)!);
        }

        return owner.Reference(navigation.Name).TargetEntry is { } entry ? [entry] : [];
    }
}
