<?xml version="1.0" encoding="UTF-8"?>
<!--
  Layout of the plain text. The flow templates (text_core.xsl) turn a text into a tree of
  tk:b blocks (with @kind and @indent) holding text nodes, nested tk:b blocks and tk:br line
  breaks. Layout flattens it: each run of inline content becomes a paragraph of its innermost
  block, its white space collapsed, its lines wrapped at $width and indented; paragraphs are
  separated by a blank line, lines of verse and list items by a line break, headings by two
  blank lines. Only white space is added to the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    exclude-result-prefixes="#all">

  <!-- Block kinds: para (blank line around), line (a line break between two lines of the same
       block), label (a line break after it: a speaker before the speech), head (two blank lines
       before). Paragraphs remember the block that holds theirs (@in), so that lines of two
       different line groups stay apart. -->

  <xsl:function name="tk:paragraphs" as="element(tk:para)*">
    <xsl:param name="block" as="element(tk:b)"/>
    <xsl:param name="indent" as="xs:integer"/>
    <xsl:variable name="here" select="$indent + xs:integer(($block/@indent, 0)[1])"/>
    <xsl:for-each-group select="$block/node()" group-adjacent="exists(self::tk:b)">
      <xsl:choose>
        <xsl:when test="current-grouping-key()">
          <xsl:sequence select="current-group() ! tk:paragraphs(., $here)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="lines" as="xs:string*">
            <xsl:for-each-group select="current-group()" group-starting-with="tk:br">
              <xsl:sequence select="normalize-space(string-join(current-group()))"/>
            </xsl:for-each-group>
          </xsl:variable>
          <xsl:if test="some $l in $lines satisfies $l">
            <tk:para kind="{$block/@kind}" indent="{$here}" in="{generate-id($block/..)}">
              <xsl:value-of select="$lines[.]" separator="&#10;"/>
            </tk:para>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="tk:separator" as="xs:string">
    <xsl:param name="previous" as="element(tk:para)?"/>
    <xsl:param name="current" as="element(tk:para)"/>
    <xsl:sequence select="
        if (empty($previous)) then ''
        else if ($current/@kind = 'head') then '&#10;&#10;&#10;'
        else if ($previous/@in ne $current/@in) then '&#10;&#10;'
        else if ($previous/@kind = 'label') then '&#10;'
        else if ($previous/@kind = 'line' and $current/@kind = 'line') then '&#10;'
        else '&#10;&#10;'"/>
  </xsl:function>

  <!-- The text of a tree of blocks, laid out. -->
  <xsl:function name="tk:layout" as="xs:string">
    <xsl:param name="root" as="element(tk:b)"/>
    <xsl:variable name="paras" select="tk:paragraphs($root, 0)"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($paras)
        return tk:separator($paras[$i - 1], $paras[$i]) || tk:wrap-para($paras[$i]))"/>
  </xsl:function>

  <xsl:function name="tk:wrap-para" as="xs:string">
    <xsl:param name="para" as="element(tk:para)"/>
    <xsl:variable name="indent" select="string-join((1 to xs:integer($para/@indent)) ! ' ')"/>
    <xsl:sequence select="string-join(tokenize(string($para), '&#10;') ! tk:wrap(., $width, $indent), '&#10;')"/>
  </xsl:function>

  <!-- One line wrapped at $width characters (indent included); $width 0: not wrapped. -->
  <xsl:function name="tk:wrap" as="xs:string">
    <xsl:param name="line" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="room" select="max(($width - string-length($indent), 20))"/>
    <xsl:choose>
      <xsl:when test="$width = 0 or string-length($line) le $room">
        <xsl:sequence select="$indent || $line"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="broken" select="replace($line || ' ',
            '(.{1,' || $room || '}) |(\S{' || ($room + 1) || ',}) ', '$1$2&#10;')"/>
        <xsl:sequence select="string-join(tokenize($broken, '&#10;')[.] ! ($indent || .), '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
