<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and the index of persons, places and organisations.

  Every persName, placeName, orgName, rs and name with @ref inside a text is "indexed": the
  pointers it carries ('#id' for an entry of the document, or a URI) each make one index
  entry, in order of first occurrence. An entry resolves a local pointer to the document's
  person / place / org (standOff, particDesc, back...) for its label, category and authority
  identifiers (idno type wikidata, viaf, geonames, or a URI); an unresolved pointer keeps the
  forms the text uses. A pointer into a project's register ('../authority/persons.xml#pers-x')
  resolves in $register: the register's entries as TEI text, which teikit gives as a parameter
  (the stylesheets open no file).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xmlns:tkd="https://teikit.invalid/ns/doc"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <tkd:doc param="register">A project's register as TEI text (its listPerson, listPlace and listOrg
    entries), for names whose @ref points into it ('../authority/persons.xml#pers-x'): teikit build
    and teikit html give it inside a project. none: no register; such names keep the forms the text uses.</tkd:doc>
  <xsl:param name="register" as="xs:string" select="'none'"/>
  <xsl:variable name="tk:register" as="document-node()?"
      select="if (normalize-space($register) and $register ne 'none') then parse-xml($register) else ()"/>

  <!-- The names of an entry (its first is its label), and its dates (birth, death, floruit). -->
  <xsl:function name="tk:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/*[self::persName or self::placeName or self::orgName or self::name
        or self::label or self::objectName or self::geogName or self::settlement or self::country
        or self::region or self::form or self::orth]"/>
  </xsl:function>

  <xsl:function name="tk:entry-dates" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(birth | death | floruit)"/>
  </xsl:function>

  <!-- A date of an entry as a reader wants it: its words, else its @when (or range). -->
  <xsl:function name="tk:entry-date" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="string((tk:plain-text($e), $e/@when,
        string-join(($e/(@notBefore, @from)[1], $e/(@notAfter, @to)[1]), '–'))[normalize-space()][1])"/>
  </xsl:function>

  <xsl:function name="tk:is-indexed-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::persName or self::placeName or self::orgName or self::rs or self::name]
                                   [normalize-space(@ref)][ancestor::text])"/>
  </xsl:function>

  <xsl:variable name="tk:names" as="element()*"
      select="//text//(persName | placeName | orgName | rs | name)[normalize-space(@ref)]"/>

  <!-- generate-id() of each indexed name -> its occurrence number (1-based, document order). -->
  <xsl:variable name="tk:name-number" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($tk:names) return map:entry(generate-id($tk:names[$i]), $i))"/>

  <xsl:variable name="tk:index-entries" as="map(*)*">
    <xsl:for-each-group select="$tk:names" group-by="tokenize(normalize-space(@ref), ' ')">
      <xsl:variable name="key" select="current-grouping-key()"/>
      <xsl:variable name="in-register" select="if (exists($tk:register) and contains($key, '#')
          and not(starts-with($key, '#')) and not(matches($key, '^[a-z][a-z0-9+.\-]*:'))) then substring-after($key, '#') else ''"/>
      <xsl:variable name="local" select="if (starts-with($key, '#')) then substring($key, 2) else $in-register"/>
      <xsl:variable name="entity" select="if ($in-register) then key('tk:id', $in-register, $tk:register)[1]
          else if ($local) then key('tk:id', $local, root(current()))[1] else ()"/>
      <xsl:variable name="forms" select="distinct-values(current-group() ! tk:plain-text(.))[.]"/>
      <xsl:sequence select="map {
          'key': $key,
          'id': 'tk-idx-' || (if (matches($local, '^[A-Za-z_][A-Za-z0-9_.\-]*$')) then $local
                              else 'n' || position()),
          'entity': $entity,
          'names': current-group(),
          'forms': $forms,
          'category': tk:index-category($entity, current-group()[1]),
          'label': (tk:entity-label($entity), $forms[1], $key)[normalize-space()][1]
        }"/>
    </xsl:for-each-group>
  </xsl:variable>

  <xsl:variable name="tk:entry-by-key" as="map(xs:string, map(*))"
      select="map:merge(for $e in $tk:index-entries return map:entry($e?key, $e))"/>

  <!-- The index entry a name links to: that of its first pointer. -->
  <xsl:function name="tk:name-entry" as="map(*)?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$tk:entry-by-key(tokenize(normalize-space($name/@ref), ' ')[1])"/>
  </xsl:function>

  <xsl:function name="tk:name-occurrence" as="xs:integer?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$tk:name-number(generate-id($name))"/>
  </xsl:function>

  <!-- persons, places, orgs or other: from the entry the pointer resolves to, else from the name. -->
  <xsl:function name="tk:index-category" as="xs:string">
    <xsl:param name="entity" as="element()?"/>
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="type" select="lower-case(string($name/@type))"/>
    <xsl:sequence select="
        if ($entity[self::person or self::personGrp or self::persona]) then 'persons'
        else if ($entity[self::place]) then 'places'
        else if ($entity[self::org]) then 'orgs'
        else if ($name[self::persName] or starts-with($type, 'person')) then 'persons'
        else if ($name[self::placeName] or starts-with($type, 'place')) then 'places'
        else if ($name[self::orgName] or starts-with($type, 'org')) then 'orgs'
        else 'other'"/>
  </xsl:function>

  <xsl:function name="tk:entity-label" as="xs:string?">
    <xsl:param name="entity" as="element()?"/>
    <xsl:sequence select="($entity/(persName | placeName | orgName | name | label) ! tk:plain-text(.))[.][1]"/>
  </xsl:function>

  <!-- Authority links of an entry as (label, URL) pairs in a flat sequence. -->
  <xsl:function name="tk:authority-links" as="xs:string*">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:variable name="pairs" as="xs:string*" select="
        ($entry?entity/idno ! tk:authority-pair(lower-case(@type), normalize-space(.)),
         if (matches($entry?key, '^https?://')) then tk:authority-pair('', $entry?key) else ())"/>
    <!-- keep each URL once -->
    <xsl:sequence select="for $i in 1 to count($pairs) idiv 2
        return (if (index-of($pairs[position() mod 2 = 0], $pairs[2 * $i])[1] = $i)
                then ($pairs[2 * $i - 1], $pairs[2 * $i]) else ())"/>
  </xsl:function>

  <xsl:function name="tk:authority-pair" as="xs:string*">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="url" select="
        if (matches($value, '^https?://')) then $value
        else if ($type = 'wikidata' and matches($value, '^Q[0-9]+$')) then 'https://www.wikidata.org/wiki/' || $value
        else if ($type = 'viaf' and matches($value, '^[0-9]+$')) then 'https://viaf.org/viaf/' || $value
        else if ($type = 'geonames' and matches($value, '^[0-9]+$')) then 'https://www.geonames.org/' || $value
        else ''"/>
    <xsl:variable name="label" select="
        if ($type = 'wikidata' or contains($url, 'wikidata.org')) then 'Wikidata'
        else if ($type = 'viaf' or contains($url, 'viaf.org')) then 'VIAF'
        else if ($type = 'geonames' or contains($url, 'geonames.org')) then 'GeoNames'
        else replace($url, '^https?://([^/]+).*$', '$1')"/>
    <xsl:sequence select="if ($url) then ($label, $url) else ()"/>
  </xsl:function>

</xsl:stylesheet>
