using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Strata.Modules.Auth.Tests;

/// <summary>A host environment by name, for the validators that behave differently in Development and Production.</summary>
internal sealed class TestHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "Strata.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
