# The server image with a model baked in, for platforms where mounting a file is awkward. The build context is the
# folder holding model.mlpkg (a training run's output folder); BASE is the image the repository's Dockerfile built.
#   docker build -t multilabel .
#   docker build -t multilabel-demo -f deploy/baked.Dockerfile runs/demo
#   docker run -p 8080:8080 multilabel-demo
ARG BASE=multilabel
FROM ${BASE}
COPY --chown=1654:1654 model.mlpkg /model/model.mlpkg
