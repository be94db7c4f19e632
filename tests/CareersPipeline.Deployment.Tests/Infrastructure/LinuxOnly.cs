using System.Runtime.Versioning;

// The Bicep CLI comes from its linux-x64 package and the hooks run under sh: these tests are for Linux (CI, dev boxes).
[assembly: SupportedOSPlatform("linux")]
