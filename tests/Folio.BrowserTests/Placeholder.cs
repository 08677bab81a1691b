namespace Folio.BrowserTests;
