using System.Text;

namespace Folio.Bench;

/// <summary>
/// The words stories are made of, most common first: a few hundred English words, then made-up words for the long tail,
/// drawn with a Zipf distribution so some words are in every story and most in few. Each story also gets a name of its
/// own (<see cref="NameOf"/>), the kind of word that is in one story only.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>Common enough to be in most stories, yet a word people search for.</summary>
    public const string CommonWord = "river";

    public const string SecondWord = "light";

    public const string Prefix = "garde";

    private const string English = """
        the of and to a in that it was he for on is with as his they be at one have this from or had by not word but what
        some we can out other were all there when up use your how said an each she which do their time if will way about
        many then them would write like so these her long make thing see him two has look more day could go come did number
        sound no most people my over know water than call first who may down side been now find any new work part take get
        place made live where after back little only round man year came show every good me give our under name very through
        just form sentence great think say help low line differ turn cause much mean before move right boy old too same tell
        does set three want air well also play small end put home read hand port large spell add even land here must big high
        such follow act why ask men change went light kind off need house picture try us again animal point mother world near
        build self earth father head stand own page should country found answer school grow study still learn plant cover food
        sun four between state keep eye never last let thought city tree cross farm hard start might story saw far sea draw
        left late run while press close night real life few north river open seem together next white children begin got walk
        example ease paper group always music those both mark often letter until mile car feet care second book carry took
        science eat room friend began idea fish mountain stop once base hear horse cut sure watch color face wood main enough
        plain girl usual young ready above ever red list though feel talk bird soon body dog family direct pose leave song
        measure door product black short numeral class wind question happen complete ship area half rock order fire south
        problem piece told knew pass since top whole king space heard best hour better true during hundred five remember step
        early hold west ground interest reach fast verb sing listen six table travel less morning ten simple several vowel
        toward war lay against pattern slow center love person money serve appear road map rain rule govern pull cold notice
        voice unit power town fine certain fly fall lead cry dark machine note wait plan figure star box noun field rest
        correct able pound done beauty drive stood contain front teach week final gave green oh quick develop ocean warm free
        minute strong special mind behind clear tail produce fact street inch multiply nothing course stay wheel full force
        blue object decide surface deep moon island foot system busy test record boat common gold possible plane stead dry
        wonder laugh thousand ago ran check game shape equate hot miss brought heat snow tire bring yes distant fill east
        paint language among garden harbour lantern orchard meadow kitchen winter summer autumn spring letters grandmother
        """;

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "pl", "gr", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ea", "ou", "ai"];
    private static readonly string[] Codas = ["", "", "n", "r", "l", "s", "t", "m", "nd", "st"];
    private static readonly string[] NameSyllables =
        ["ka", "ru", "lo", "mi", "te", "zo", "va", "ne", "si", "da", "re", "po", "li", "fa", "go", "bu",
         "xe", "ya", "wi", "ho", "qua", "je", "ti", "mo", "ra", "ze", "vi", "nu", "ce", "pa", "lu", "do"];

    private readonly string[] _words;
    private readonly Zipf _ranks;

    public Vocabulary(int seed, int size = 30_000)
    {
        var words = English.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var taken = words.ToHashSet();
        var random = new Random(seed);
        while (words.Count < size)
        {
            var word = MadeUpWord(random);
            if (!word.EndsWith("ath", StringComparison.Ordinal) && taken.Add(word))
            {
                words.Add(word);
            }
        }

        _words = words.ToArray();
        _ranks = new Zipf(_words.Length, 1.0);
    }

    public string Next(Random random) => _words[_ranks.Next(random)];

    /// <summary>A word of the middle ranks: a tag name or a title word that is neither "the" nor gibberish.</summary>
    public string Ranked(int rank) => _words[Math.Clamp(rank, 0, _words.Length - 1)];

    public int Count => _words.Length;

    /// <summary>A made-up name, different for every story number, always ending in "ath" so no other word is one.</summary>
    public static string NameOf(int storyNumber)
    {
        var name = new StringBuilder();
        var n = storyNumber + NameSyllables.Length * NameSyllables.Length;
        while (n > 0)
        {
            name.Append(NameSyllables[n % NameSyllables.Length]);
            n /= NameSyllables.Length;
        }

        name.Append("ath");
        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    private static string MadeUpWord(Random random)
    {
        var word = new StringBuilder();
        var syllables = random.Next(2, 4);
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
        }

        return word.Append(Codas[random.Next(Codas.Length)]).ToString();
    }
}
