using Folio.Features.Creators;

namespace Folio.Bench;

/// <summary>
/// Accounts made as rows, filled in as ASP.NET Core Identity fills them (normalised name and email, stamps), without a
/// password: the bench sets one on the account it signs in with. The first <c>creators</c> accounts write; the rest read.
/// </summary>
public static class People
{
    private static readonly string[] FirstNames =
    [
        "Maya", "Tomas", "Aiko", "Kwame", "Lena", "Omar", "Priya", "Jonas", "Ines", "Felix", "Sofia", "Ravi", "Hana", "Mateo",
        "Zora", "Emil", "Nadia", "Luca", "Amara", "Theo", "Freya", "Kenji", "Leila", "Hugo", "Mira", "Sami", "Clara", "Diego",
        "Yara", "Anton", "Noor", "Elias", "Ada", "Bruno", "Iris", "Karim", "Vera", "Oscar", "Lucia", "Arjun",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "Lindqvist", "Tanaka", "Mensah", "Novak", "Haddad", "Sharma", "Berg", "Costa", "Weber", "Rossi", "Iyer",
        "Kim", "Garcia", "Petrov", "Larsen", "Farouk", "Moretti", "Adeyemi", "Fischer", "Nilsson", "Sato", "Rahimi", "Dubois",
        "Horvat", "Aziz", "Silva", "Moreno", "Ito", "Kowalski", "Bakr", "Schmidt", "Lovelace", "Ferreira", "Andersen",
        "Nakamura", "Osei", "Marsh", "Quint", "Alvarez",
    ];

    public static List<FolioUser> Create(int count, int creators, DateTime until, Random random)
    {
        var people = new List<FolioUser>(count);
        for (var i = 0; i < count; i++)
        {
            var (first, last) = (FirstNames[random.Next(FirstNames.Length)], LastNames[random.Next(LastNames.Length)]);
            var username = $"{first}-{last}-{i + 1}".ToLowerInvariant();
            var email = $"{username}@bench.example";
            people.Add(new FolioUser
            {
                Id = NewGuid(random),
                UserName = username,
                NormalizedUserName = username.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = NewGuid(random).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(),
                ConcurrencyStamp = NewGuid(random),
                LockoutEnabled = true,
                DisplayName = $"{first} {last}",
                Bio = i < creators ? $"{first} writes about {string.Join(", ", Bios[random.Next(Bios.Length)])}." : "",
                JoinedAt = until.AddDays(-random.Next(30, 1_500)).AddMinutes(random.Next(1_440)),
            });
        }

        return people;
    }

    private static readonly string[][] Bios =
    [
        ["rivers", "small towns", "the people in them"], ["food", "memory", "family tables"], ["walking", "weather", "maps"],
        ["music", "night shifts", "cities"], ["gardens", "slow living"], ["work", "money", "the stories we tell about both"],
    ];

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
