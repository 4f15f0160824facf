package org.example.building;

/**
 * The answer of the app: the moving average of the building's temperature so far.
 *
 * @param average the mean of every temperature reading the movingAvg service has seen
 * @param count how many readings that mean covers
 */
public record Average(double average, long count) {}
