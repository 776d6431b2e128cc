package com.akoolnarrator.audio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AudioProperties.class)
class AudioConfiguration {

    @Bean
    AudioInspector audioInspector(AudioProperties settings) {
        return new AudioInspector(settings);
    }

    @Bean
    AudioCheck audioCheck(AudioProperties settings) {
        return new AudioCheck(settings);
    }
}
