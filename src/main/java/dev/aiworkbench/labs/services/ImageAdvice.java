package dev.aiworkbench.labs.services;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the learner reads when a lab's image cannot be downloaded: which image, what Docker said, and what to do
 * (the network, a proxy, pulling it by hand to see Docker's own words, or a registry mirror).
 */
final class ImageAdvice {
    private ImageAdvice() {
    }

    /**
     * @param service the service's name: "Qdrant", "The Ollama container"
     * @param others  the other images the service needs that Docker lacks too
     */
    static Unavailable of(LabService service, ImagePullException failure, List<String> others) {
        return new Unavailable(service.type(), sentence(service.name(), failure, others), fix(failure, others));
    }

    static String sentence(String service, ImagePullException failure, List<String> others) {
        String also = others.isEmpty() ? "" : " It also needs " + list(others) + ", which Docker lacks too.";
        return service + " cannot start: Docker could not download the image " + failure.image() + " ("
                + failure.reason() + ")." + ContainerImages.role(failure.image()) + also;
    }

    static String fix(ImagePullException failure, List<String> others) {
        String pulls = java.util.stream.Stream.concat(java.util.stream.Stream.of(failure.image()), others.stream())
                .map(image -> "`docker pull " + image + "`").collect(Collectors.joining(" and "));
        return switch (failure.kind()) {
            case NOT_FOUND -> "The registry has no image by that name: if a registry mirror is set"
                    + " (TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX, or registry-mirrors in Docker's daemon.json), check that"
                    + " it holds a copy; otherwise run " + pulls + " to see Docker's own words. Then press Start again.";
            case DENIED -> "The registry wants a login: run `docker login` for it, then " + pulls
                    + ", then press Start again.";
            case STALLED, FAILED -> "The first start downloads the lab's images, which needs access to Docker Hub."
                    + " Connect to the network; behind a proxy, give Docker the proxy settings (Docker Desktop:"
                    + " Settings > Resources > Proxies; Docker Engine: HTTPS_PROXY in the daemon's environment); or"
                    + " run " + pulls + " yourself to see Docker's own error; or use a registry mirror"
                    + " (registry-mirrors in Docker's daemon.json, or TESTCONTAINERS_HUB_IMAGE_NAME_PREFIX for the"
                    + " workbench). Then press Start again.";
        };
    }

    /** "Stopped: the lab cannot run without qdrant/qdrant:v1.20.3, which Docker could not download (see Qdrant)." */
    static String haltedBecause(String image, String service) {
        return "Stopped: the lab cannot run without " + image + ", which Docker could not download (see " + service
                + ").";
    }

    private static String list(List<String> images) {
        return String.join(" and ", images);
    }
}
