# MultiLabel's HTTP server (`multilabel serve`) in a container: a multi-stage build that publishes the CLI in the
# .NET SDK image and runs it in the ASP.NET runtime image as the non-root user `app` (UID 1654), on port 8080.
#
#   docker build -t multilabel .                                     # the model is mounted at run time:
#   docker run -p 8080:8080 -v "$PWD/runs/demo:/model:ro" multilabel   # serves /model/model.mlpkg
#
#   docker build -t multilabel-demo -f deploy/baked.Dockerfile runs/demo    # the model baked in (see that file)
#   docker run -p 8080:8080 multilabel-demo
#
# The base images are build arguments (default: Microsoft's official .NET 10 images), so a registry mirror or a
# locally made image can stand in: --build-arg SDK_IMAGE=... --build-arg RUNTIME_IMAGE=... (a RUNTIME_IMAGE must have
# the ASP.NET Core runtime and a user with UID 1654, as the official images do). Any other `serve` option can be given
# after the image name, e.g. `docker run ... multilabel --max-queue 64`. The server is stateless: run as many
# containers as the load needs behind any load balancer; GET /healthz is the readiness and liveness probe.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files alone, so a change of source does not download the packages again.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/MultiLabel.Core/MultiLabel.Core.csproj src/MultiLabel.Core/
COPY src/MultiLabel.Server/MultiLabel.Server.csproj src/MultiLabel.Server/
COPY src/MultiLabel.Cli/MultiLabel.Cli.csproj src/MultiLabel.Cli/
RUN dotnet restore src/MultiLabel.Cli/MultiLabel.Cli.csproj
COPY src/ src/
RUN dotnet publish src/MultiLabel.Cli/MultiLabel.Cli.csproj -c Release --no-restore -o /app \
 && rm -f /app/libtorch_python.so /app/libtorchbind_test.so /app/libbackend_with_compiler.so

FROM ${RUNTIME_IMAGE} AS serve
WORKDIR /app
COPY --from=build /app ./
# Decoded-image cache and temporary files live in the writable home of the non-root user.
# (--urls below decides the port; the images' ASPNETCORE_HTTP_PORTS would only draw a warning.)
ENV MULTILABEL_CACHE=/home/app/.cache/multilabel \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=0
USER 1654
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/multilabel.dll", "serve", "--model", "/model/model.mlpkg", "--urls", "http://0.0.0.0:8080"]
