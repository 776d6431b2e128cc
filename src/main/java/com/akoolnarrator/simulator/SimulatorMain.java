package com.akoolnarrator.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code java -jar akool-narrator.jar simulator --port=8089 [--latency=50ms --http5xx-rate=0.1 ...]}: the simulator on
 * its own, so that any client (curl, the job with {@code --akool.base-url}) can talk to it. Every setting of
 * {@link SimulatorSettings} is accepted as {@code --kebab-case-name=value}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: simulator --port=8089 [--api-key=KEY] [--latency=50ms] [--processing-base=1s]"
                        + " [--processing-per-char=2ms] [--requests-per-second=20] [--http5xx-rate=0.1] ...");
                System.exit(2);
            }
            String name = arg.substring(2, arg.indexOf('='));
            properties.put("simulator." + name, arg.substring(arg.indexOf('=') + 1));
        }
        SimulatorSettings settings = new SimulatorSettings();
        if (!properties.containsKey("simulator.port")) {
            settings.setPort(8089);
        }
        new Binder(new MapConfigurationPropertySource(properties)).bind("simulator", Bindable.ofInstance(settings));
        AkoolSimulator simulator = new AkoolSimulator(settings).start();
        System.out.println("Akool simulator listening on " + simulator.baseUrl() + " (x-api-key: " + settings.getApiKey()
                + ", clientId: " + settings.getClientId() + "); Ctrl-C to stop");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        new CountDownLatch(1).await();
    }
}
