package io.dyninka.benchmarks.measure;

/**
 * What the Server-Timing probe measured for one system, in milliseconds, over sequential requests
 * on one keep-alive connection (one worker, no queueing).
 *
 * @param requests requests sent
 * @param fullChain answers that ran all four functions (200); the figures below are over those
 * @param endToEndP50 the client's median end-to-end time
 * @param processP50 the median of the summed Server-Timing process times
 * @param hopOverheadP50 the median of (end to end − process time) / 4 functions
 * @param hopOverheadMean the mean of the same
 * @param allAnswersP50 the median end-to-end time over every answer, 204s included
 */
public record ProbeResult(
    int requests,
    int fullChain,
    double endToEndP50,
    double processP50,
    double hopOverheadP50,
    double hopOverheadMean,
    double allAnswersP50) {}
