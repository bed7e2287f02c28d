# The newsgraph binary in a small image (docker-compose.yml runs it as
# serve and as workers). Build: docker build -t newsgraph .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/newsgraph ./cmd/newsgraph

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --create-home newsgraph
COPY --from=build /out/newsgraph /usr/local/bin/newsgraph
USER newsgraph
ENV NEWSGRAPH_DATA=/home/newsgraph/data
ENTRYPOINT ["newsgraph"]
