package io.trustline.relationship.models;

import io.trustline.platform.failure.FailureKind;
import io.trustline.relationship.scoring.ScoringEngine;
import io.trustline.relationship.scoringmodel.TenantModels;
import io.trustline.relationship.timeline.ClientRescoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one claimed switch to its end. While the old model is active, every client is rescored under the target
 * (its own points; the old ones keep being served): the clients are cut into {@link RescoringSlices slices} that
 * every instance's worker claims and rescores ({@link #runSlice}), this one included, and the switch waits until all
 * are done. Then clients caught up: those whose events grew meanwhile, or that appeared, are rescored again until a
 * pass finds none behind (at most {@link #CATCH_UP_PASSES}). Then one write makes the target active, and each client's
 * summary is handed over to the target's points when it still reflects exactly what was rescored. An event scored
 * between the last catch-up and the switch is not lost: its client's summary no longer matches, so its timeline is
 * computed from the stored events until its next event repairs the points. Nothing is published: rescoring derives
 * no events.
 */
@ApplicationScoped
class ModelSwitchJob {

    static final int CATCH_UP_PASSES = 5;
    private static final Logger LOG = Logger.getLogger(ModelSwitchJob.class);

    private final Clock clock = Clock.systemUTC();

    @Inject
    ModelSwitches switches;
    @Inject
    ClientRescoring rescoring;
    @Inject
    TenantModels models;
    @Inject
    RescoringSlices slices;
    /** How many slices a switch's clients are cut into: how many instances can rescore them at once. */
    @ConfigProperty(name = "trustline.models.switch-slices", defaultValue = "8")
    int sliceCount;
    @ConfigProperty(name = "trustline.models.switch-poll", defaultValue = "PT1S")
    Duration poll;
    /** How long a claim or renewal holds the switch: how soon another instance resumes one whose runner died. */
    @ConfigProperty(name = "trustline.models.switch-lease", defaultValue = "PT30S")
    Duration lease;

    Duration lease() {
        return lease;
    }

    int slices() {
        return sliceCount;
    }

    void run(String tenantId, String owner) {
        Optional<ModelSwitch> latest = switches.latest(tenantId).filter(ModelSwitch::running);
        if (latest.isEmpty()) {
            return;
        }
        ModelSwitch running = latest.get();
        try {
            Optional<ScoringEngine> target = models.byId(tenantId, running.targetModelId());
            if (target.isEmpty()) {
                switches.fail(running, tenantId, owner, "the model " + running.targetModelId() + " is unknown",
                        clock.instant());
                return;
            }
            Map<String, Integer> counts = switches.rescoredCounts(running);
            LOG.infof("running the switch of tenant %s to %s (%s, %d clients rescored before)", tenantId,
                    running.targetModelId(), running.state(), counts.size());
            if (running.state() == ModelSwitch.State.RESCORING) {
                rescore(running, tenantId, owner, target.get(), counts);
                models.activate(tenantId, running.targetModelId(), clock.instant());
                keep(running, tenantId, owner, ModelSwitches.state(ModelSwitch.State.HANDING_OVER, clock.instant()));
            }
            handOver(running, tenantId, owner, target.get(), counts);
            keep(running, tenantId, owner, ModelSwitches.state(ModelSwitch.State.DONE, clock.instant()));
        } catch (LeaseLost e) {
            LOG.infof("the switch of tenant %s to %s moved to another instance", tenantId, running.targetModelId());
        } catch (InterruptedException e) {
            // stopping: the lease runs out and another instance resumes the switch
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (FailureKind.of(e) == FailureKind.INFRASTRUCTURE) {
                // an outage, not a fault of the switch: the lease runs out and it is resumed
                LOG.warnf(e, "the switch of tenant %s to %s paused", tenantId, running.targetModelId());
                return;
            }
            LOG.errorf(e, "the switch of tenant %s to %s failed", tenantId, running.targetModelId());
            switches.fail(running, tenantId, owner, String.valueOf(e.getMessage()), clock.instant());
        }
    }

    private void rescore(ModelSwitch running, String tenantId, String owner, ScoringEngine target,
                         Map<String, Integer> counts) throws InterruptedException {
        List<String> clients = rescoring.clientIds(tenantId);
        keep(running, tenantId, owner, ModelSwitches.progress(counts.size(), Math.max(clients.size(), counts.size())));
        slices.open(running, tenantId, sliceCount);
        while (slices.finishedBy(running, sliceCount).contains(null)) {
            Optional<RescoringSlices.Slice> slice = slices.claim(running, owner, clock.instant(), lease);
            if (slice.isPresent()) {
                rescoreSlice(running, slice.get(), owner, target, clients, counts,
                        () -> keep(running, tenantId, owner, ModelSwitches.leaseOnly()));
            } else {
                // the other slices are with other instances: hold the switch until they are done
                keep(running, tenantId, owner, ModelSwitches.leaseOnly());
                Thread.sleep(poll.toMillis());
            }
        }
        counts.putAll(switches.rescoredCounts(running));
        // counted again from what is stored: two instances may both have rescored a client of a slice whose lease ran out
        keep(running, tenantId, owner, ModelSwitches.progress(counts.size(), Math.max(clients.size(), counts.size())));
        for (int pass = 0; pass < CATCH_UP_PASSES; pass++) {
            List<String> now = rescoring.clientIds(tenantId);
            List<String> behind = now.stream().filter(clientId -> !counts.containsKey(clientId)
                    || rescoring.eventCount(tenantId, clientId) != counts.get(clientId)).toList();
            if (behind.isEmpty()) {
                return;
            }
            for (String clientId : behind) {
                rescoreOne(running, tenantId, owner, target, counts, clientId, now.size());
            }
        }
    }

    /**
     * Rescores a slice claimed by this instance's worker for a switch another instance runs; false when it stopped
     * before the end. A slice of a switch that ended meanwhile is closed with nothing done; one that fails is left to
     * the next poll of whichever instance claims it.
     */
    boolean runSlice(RescoringSlices.Slice slice, String owner) {
        Optional<ModelSwitch> running = switches.latest(slice.tenantId())
                .filter(latest -> latest.switchId().equals(slice.switchId()) && latest.state() == ModelSwitch.State.RESCORING);
        Optional<ScoringEngine> target = running.flatMap(latest -> models.byId(slice.tenantId(), latest.targetModelId()));
        if (target.isEmpty()) {
            slices.finish(slice, owner);
            return true;
        }
        try {
            rescoreSlice(running.get(), slice, owner, target.get(), rescoring.clientIds(slice.tenantId()),
                    switches.rescoredCounts(running.get()), () -> {
                    });
            return true;
        } catch (LeaseLost e) {
            LOG.infof("slice %d of the switch of tenant %s moved to another instance", slice.index(), slice.tenantId());
            return false;
        } catch (RuntimeException e) {
            LOG.warnf(e, "slice %d of the switch of tenant %s stopped; it is tried again at the next poll",
                    slice.index(), slice.tenantId());
            return false;
        }
    }

    /** Rescores the slice's clients not done yet (a slice resumed after a crash), renewing its lease after each. */
    private void rescoreSlice(ModelSwitch running, RescoringSlices.Slice slice, String owner, ScoringEngine target,
                              List<String> clients, Map<String, Integer> done, Runnable renewSwitch) {
        for (String clientId : clients) {
            if (slice.holds(clientId) && !done.containsKey(clientId)) {
                int eventCount = rescoring.rescore(slice.tenantId(), clientId, target);
                switches.rescored(running, clientId, eventCount);
                switches.countRescored(running, slice.tenantId());
                done.put(clientId, eventCount);
                if (!slices.renew(slice, owner, clock.instant(), lease)) {
                    throw new LeaseLost();
                }
                renewSwitch.run();
            }
        }
        slices.finish(slice, owner);
    }

    /** Renews the lease as it goes: handing over many clients may take longer than one lease. */
    private void handOver(ModelSwitch running, String tenantId, String owner, ScoringEngine target,
                          Map<String, Integer> counts) {
        Instant renewedAt = clock.instant();
        for (Map.Entry<String, Integer> client : counts.entrySet()) {
            rescoring.handOver(tenantId, client.getKey(), target, running.fromModelId(), client.getValue());
            if (Duration.between(renewedAt, clock.instant()).compareTo(lease.dividedBy(3)) > 0) {
                keep(running, tenantId, owner, ModelSwitches.state(ModelSwitch.State.HANDING_OVER, clock.instant()));
                renewedAt = clock.instant();
            }
        }
    }

    private void rescoreOne(ModelSwitch running, String tenantId, String owner, ScoringEngine target,
                            Map<String, Integer> counts, String clientId, int total) {
        int eventCount = rescoring.rescore(tenantId, clientId, target);
        switches.rescored(running, clientId, eventCount);
        counts.put(clientId, eventCount);
        keep(running, tenantId, owner, ModelSwitches.progress(counts.size(), Math.max(total, counts.size())));
    }

    private void keep(ModelSwitch running, String tenantId, String owner, Bson update) {
        if (!switches.renew(running, tenantId, owner, clock.instant(), lease, update)) {
            throw new LeaseLost();
        }
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
