<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus (app, lem, rdg, rdgGrp, witnesses), encoded by parallel segmentation: an
  app stands in the text where its readings differ. The text shows one reading, the lemma
  (lem; without one, the first rdg); the apparatus shows the others, each with its witnesses
  (@wit, resolved to the witnesses of listWit: their @n, siglum or id), linked both ways with a
  lettered mark where the app stands. Nothing is lost: every reading is in the page or the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="tk:apps" as="element()*" select="//text//app"/>

  <!-- generate-id() of an app -> (number in the document, number in its outermost text). -->
  <xsl:variable name="tk:app-number" as="map(xs:string, xs:integer+)" select="map:merge(
      let $ids := $tk:apps ! generate-id(.)
      return for $t in //text[not(ancestor::text)]
      return let $apps := $t//app,
                 $start := if (empty($apps)) then 0 else index-of($ids, generate-id($apps[1]))[1] - 1
      return for $i in 1 to count($apps)
      return map:entry(generate-id($apps[$i]), ($start + $i, $i)))"/>

  <!-- The reading the text shows: the lemma, else the first reading. -->
  <xsl:function name="tk:app-shown" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="(($app/lem | $app/rdgGrp/lem)[1], ($app/rdg | $app/rdgGrp/rdg)[1])[1]"/>
  </xsl:function>

  <!-- Every reading of an app (not those of an app inside one of them), in order. -->
  <xsl:function name="tk:app-readings" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(lem | rdg | rdgGrp/lem | rdgGrp/rdg | rdgGrp/rdgGrp/(lem | rdg))"/>
  </xsl:function>

  <!-- What an app says besides its readings: notes and witness details. -->
  <xsl:function name="tk:app-notes" as="element()*">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/(note | witDetail | rdgGrp/note | rdgGrp/witDetail)"/>
  </xsl:function>

  <!-- The mark of an app: a, b, ... z, aa, ab ... (letters: footnotes have numbers). -->
  <xsl:function name="tk:app-label" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="tk:letters($tk:app-number(generate-id($app))[2])"/>
  </xsl:function>

  <xsl:function name="tk:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="(if ($n gt 26) then tk:letters(($n - 1) idiv 26) else '')
                          || codepoints-to-string(97 + ($n - 1) mod 26)"/>
  </xsl:function>

  <!-- The sigla of a reading's witnesses (@wit) and sources (@source): a witness's @n, else its
       siglum (abbr type="siglum"), else its id; a pointer outside the document by its last part. -->
  <xsl:function name="tk:sigla" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="for $t in tokenize(normalize-space(string-join($reading/(@wit, @source), ' ')), ' ')
        return if (starts-with($t, '#'))
               then (for $w in key('tk:id', substring($t, 2), root($reading))[1]
                     return (normalize-space($w/@n)[.], normalize-space($w/abbr[@type = 'siglum'][1])[.],
                             string($w/@xml:id))[1],
                     substring($t, 2))[1]
               else replace($t, '^.*[/#:]', '')"/>
  </xsl:function>

  <!-- An element's words as plain text, a long run by its first and last words (a lemma in
       the apparatus, what a pointer points at). -->
  <xsl:function name="tk:shortened" as="xs:string">
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="words" select="tokenize(tk:plain-text($reading), ' ')[.]"/>
    <xsl:sequence select="if (count($words) le 6) then string-join($words, ' ')
        else string-join(($words[position() le 2], '…', $words[position() gt last() - 2]), ' ')"/>
  </xsl:function>

  <!-- In plain renderings (titles, contents, tooltips): the reading the text shows. -->
  <xsl:template match="app" mode="tk:plain">
    <xsl:apply-templates select="tk:app-shown(.)/node()" mode="tk:plain"/>
  </xsl:template>

</xsl:stylesheet>
