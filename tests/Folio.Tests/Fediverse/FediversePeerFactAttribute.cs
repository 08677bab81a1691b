using Folio.Tests.Infrastructure;

namespace Folio.Tests.Fediverse;

/// <summary>A test that needs Node.js and npm for the Fedify peer: skipped without them, except in CI, where it fails.</summary>
public sealed class FediversePeerFactAttribute : FactAttribute
{
    public FediversePeerFactAttribute() => Skip = Prerequisites.SkipUnlessRequired(FediversePeer.Missing);
}
