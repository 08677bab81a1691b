using System.CommandLine;
using Folio.Bench;

var root = new RootCommand("Folio's benchmark tools. bench/run drives them; see bench/README.md.")
{
    GenerateCommand.Create(),
    GhostExportCommand.Create(),
    MailCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
