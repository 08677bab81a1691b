using Folio.Features.Federation;

namespace Folio.Features.Transfer;

/// <summary>
/// Who wrote an imported reply from the fediverse: the remote actor it names (from the file's remoteActors, by id), under
/// this site's fediverse account. A reply whose actor is not in the file is skipped like one whose person is not.
/// </summary>
internal sealed record RemoteAuthors(Dictionary<string, RemoteActor> Actors, string FediverseAccountId);
